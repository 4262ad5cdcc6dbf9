using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Understanding.LanguageModel;

/// <summary>The language-model recogniser's log messages, with stable event ids (2530-2549).</summary>
internal static partial class LanguageModelLog
{
    [LoggerMessage(2530, LogLevel.Warning, "The language model could not sort an utterance into an intent ({Kind}: {Reason}); it is chat")]
    public static partial void Failed(ILogger logger, string kind, string reason);

    [LoggerMessage(2531, LogLevel.Warning, "The language model's intent answer ({Length} characters) is not the JSON its grammar allows ({Reason})")]
    public static partial void Unreadable(ILogger logger, string reason, int length);
}

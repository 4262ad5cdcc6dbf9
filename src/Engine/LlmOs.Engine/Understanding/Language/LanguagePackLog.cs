using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Understanding.Language;

/// <summary>Log messages of the language pack loader, with stable event ids (2510-2519).</summary>
internal static partial class LanguagePackLog
{
    [LoggerMessage(2510, LogLevel.Warning, "Skipping language file {File}: {Reason}")]
    public static partial void SkippedFile(ILogger logger, string file, string reason);

    [LoggerMessage(2511, LogLevel.Information, "Language {Code} ({Name}): {Intents} intents, {Templates} templates, {Lists} lists")]
    public static partial void Loaded(ILogger logger, string code, string name, int intents, int templates, int lists);
}

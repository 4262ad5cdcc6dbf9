using LlmOs.Engine.Understanding;

namespace LlmOs.Engine.Assistant;

/// <summary>
/// The answer to an ask: the recognised intent and its slots, the confidence, which handler ran
/// (<see cref="AskHandlers"/>), the reply text and, when the request acts on the desktop, the action for the
/// user's session. <see cref="Stages"/> holds each recogniser's candidates for <c>--explain</c>.
/// </summary>
public sealed record AskResult(
    string Intent,
    IReadOnlyDictionary<string, object> Slots,
    double Confidence,
    string Handler,
    string Text,
    IReadOnlyDictionary<string, object>? Action,
    string Language,
    IReadOnlyList<RecognizerStage> Stages);

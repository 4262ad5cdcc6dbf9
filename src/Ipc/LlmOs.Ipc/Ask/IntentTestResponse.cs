using System.Text.Json;

namespace LlmOs.Ipc.Ask;

/// <summary>
/// <c>POST /v1/intents/test</c> (D-Bus <c>TestUtterance</c>, <c>llmosctl intents test</c>): what an ask would recognise,
/// with no handler run: the intent, slots, confidence, the <c>recognizer</c> that decided (<c>none</c> when nothing did
/// and the utterance falls to <c>chat</c>) and every stage in <c>explain</c>.
/// </summary>
public sealed record IntentTestResponse(
    string Intent,
    IReadOnlyDictionary<string, JsonElement> Slots,
    double Confidence,
    string Recognizer,
    IReadOnlyList<RecognizerStageDto> Explain);

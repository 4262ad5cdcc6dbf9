using System.Text.Json;

namespace LlmOs.Ipc.Ask;

/// <summary>
/// The answer to an ask (<c>POST /v1/ask</c>, D-Bus <c>Ask</c>, <c>llmosctl ask --json</c>): the recognised <c>intent</c>,
/// its typed <c>slots</c>, the <c>confidence</c> (0 to 1), which <c>handler</c> ran (<c>skill</c>, <c>llm</c> or
/// <c>app:&lt;address&gt;</c>), the reply <c>text</c> and, when the request acts on the desktop, the <c>action</c> for the
/// user's session (<c>{"type":"app.open","desktop_id":"…"}</c>). <c>explain</c> lists each recogniser stage that ran, only
/// when it was asked for.
/// </summary>
public sealed record AskResultDto(
    string Intent,
    IReadOnlyDictionary<string, JsonElement> Slots,
    double Confidence,
    string Handler,
    string Text,
    IReadOnlyDictionary<string, JsonElement>? Action = null,
    IReadOnlyList<RecognizerStageDto>? Explain = null);

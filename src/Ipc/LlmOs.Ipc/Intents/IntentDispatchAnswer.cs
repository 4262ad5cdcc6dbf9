using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Intents;

/// <summary>
/// <c>POST /v1/intents/dispatches/{dispatch_id}</c>: a socket handler's answer. Either the reply <c>text</c> and, when it
/// acts on the desktop, an <c>action</c> (<c>{"type": "app.open", …}</c>, string, number or boolean values), or an
/// <c>error</c> message that refuses the request: the task then fails with it.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record IntentDispatchAnswer(
    string? Text = null,
    IReadOnlyDictionary<string, JsonElement>? Action = null,
    string? Error = null);

using System.Text.Json;

namespace LlmOs.Ipc.Intents;

/// <summary>
/// A request for a socket client's handler: answer it with <c>POST /v1/intents/dispatches/{dispatch_id}</c>
/// (<see cref="IntentDispatchAnswer"/>). <c>slots</c> maps slot names to strings, numbers or booleans;
/// <c>caller_uid</c> is the user on whose behalf it was asked (always the handler's own user, or any user for root's).
/// </summary>
public sealed record IntentDispatchEvent(
    string DispatchId,
    string Intent,
    IReadOnlyDictionary<string, JsonElement> Slots,
    string Utterance,
    uint CallerUid);

namespace LlmOs.Ipc.Ask;

/// <summary>
/// One intent the caller's utterances can reach (<c>GET /v1/intents/catalog</c>): its <c>name</c>, its <c>source</c>
/// (<c>builtin</c>, or <c>app</c> with the <c>handler</c> that registered it), its slots by name and type, the sentence
/// templates and example sentences that say it, and a description.
/// </summary>
public sealed record CatalogIntentDto(
    string Name,
    string Source,
    IReadOnlyDictionary<string, string> Slots,
    IReadOnlyList<string> Templates,
    IReadOnlyList<string> Examples,
    string? Description = null,
    string? Handler = null);

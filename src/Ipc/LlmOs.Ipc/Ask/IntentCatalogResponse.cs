namespace LlmOs.Ipc.Ask;

/// <summary><c>GET /v1/intents/catalog</c>: the intents of the caller's language (<c>language</c>, the pack's code), built-ins first, then apps'.</summary>
public sealed record IntentCatalogResponse(string Language, IReadOnlyList<CatalogIntentDto> Intents);

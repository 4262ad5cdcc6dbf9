using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Understanding.Catalog;

/// <summary>
/// An intent as the recognisers see it: its name, its slots by name and type (<see cref="Slots.SlotTypes"/>),
/// the sentence templates that say it (hassil style: <c>[optional]</c>, <c>(a|b)</c>, <c>{slot}</c>) and plain
/// example sentences for the semantic stage. For an app's intent both come from its registered examples, and
/// <see cref="Registration"/> says who handles it.
/// </summary>
public sealed record CatalogIntent(
    string Name,
    IntentSource Source,
    IReadOnlyDictionary<string, string> Slots,
    IReadOnlyList<string> Templates,
    IReadOnlyList<string> Examples,
    string? Description = null)
{
    public IntentRegistration? Registration { get; init; }
}

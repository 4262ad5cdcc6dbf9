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

    /// <summary>
    /// An intent about an attached image (<c>image.describe</c>, <c>image.read_text</c>). With an image only these compete
    /// (<see cref="Assistant.AskService"/>); without one they are reached by their templates alone, so that a question
    /// merely like "what is this" is not taken from the chat by the semantic or language-model stages.
    /// </summary>
    public bool NeedsImage { get; init; }
}

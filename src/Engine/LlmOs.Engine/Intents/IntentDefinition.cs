namespace LlmOs.Engine.Intents;

/// <summary>
/// An intent an app (or a built-in skill) can handle: its dotted name, a few example sentences or templates
/// that say it, and its slots by name and type (for example <c>app</c> → <c>text</c>).
/// </summary>
public sealed record IntentDefinition(
    string Name,
    IReadOnlyList<string> Examples,
    IReadOnlyDictionary<string, string> Slots,
    string? Description = null);

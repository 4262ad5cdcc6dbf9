namespace LlmOs.Engine.Understanding.Language;

/// <summary>An intent of a language while its files are merged: later files add slots, templates and examples.</summary>
internal sealed class IntentDraft(string name)
{
    public string Name => name;

    public string? Description { get; set; }

    /// <summary>Whether the intent is about an attached image (<c>needs_image: true</c>).</summary>
    public bool NeedsImage { get; set; }

    public Dictionary<string, string> Slots { get; } = new(StringComparer.Ordinal);

    public List<string> Templates { get; } = [];

    public List<string> Examples { get; } = [];
}

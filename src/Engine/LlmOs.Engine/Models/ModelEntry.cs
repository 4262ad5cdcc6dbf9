namespace LlmOs.Engine.Models;

/// <summary>One model the registry knows: where it is, what it is, and whether it can be used.</summary>
public sealed record ModelEntry(
    string Name,
    string Path,
    ModelKind Kind,
    ModelSource Source,
    bool IsDefault,
    long SizeBytes,
    GgufMetadata? Metadata,
    string? InvalidReason)
{
    public bool IsValid => InvalidReason is null;

    /// <summary>A vision model's labels file (<c>.json</c> array of strings or <c>.txt</c>, one per line), index i naming output i.</summary>
    public string? LabelsPath { get; init; }
}

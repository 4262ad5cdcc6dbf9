namespace LlmOs.Engine.Models;

/// <summary>A model named in configuration or added by a user: a name for a file (and, for an image classifier, its labels file).</summary>
public sealed record ModelDeclaration(string Name, string Path, bool IsDefault = false, string? Labels = null);

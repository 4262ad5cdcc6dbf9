namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// A slot as a compiled template reads it: its name, its declared type (and that type's number in the catalog, for the per-utterance reading cache), how it is read, the list it names, and for a
/// restricted free-text slot the words one of which its value must contain (or a digit).
/// </summary>
internal sealed record CompiledSlot(string Name, string Type, int TypeId, TemplateSlotKind Kind, string? ListName, IReadOnlySet<string>? RequiredWords);

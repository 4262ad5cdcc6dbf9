namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// A step of a compiled template from one state to a later one (<see cref="Target"/> is always greater, so the
/// states are in topological order). <see cref="Operand"/> is the word's id in the catalog's vocabulary for
/// <see cref="TemplateEdgeKind.Word"/>, the slot's index for <see cref="TemplateEdgeKind.Slot"/>.
/// </summary>
internal readonly record struct TemplateEdge(TemplateEdgeKind Kind, int Target, int Operand);

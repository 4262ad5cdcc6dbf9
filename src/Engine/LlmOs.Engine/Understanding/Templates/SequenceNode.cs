namespace LlmOs.Engine.Understanding.Templates;

/// <summary>Parts said one after another.</summary>
public sealed record SequenceNode(IReadOnlyList<TemplateNode> Items) : TemplateNode;

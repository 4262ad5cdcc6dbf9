namespace LlmOs.Engine.Understanding.Templates;

/// <summary>A literal word of a template, lower-cased as the normaliser lower-cases the utterance.</summary>
public sealed record LiteralNode(string Word) : TemplateNode;

namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// One piece of a parsed sentence template (hassil style): a word, a sequence, alternatives (an optional part is
/// alternatives with an empty one), a slot, or a reference to a shared rule.
/// </summary>
public abstract record TemplateNode;

namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// <c>(a|b|c)</c>: exactly one of the options; <c>[a]</c> is parsed as alternatives with an empty option
/// (<see cref="Optional"/> says which syntax it came from, for printing only).
/// </summary>
public sealed record AlternativesNode(IReadOnlyList<TemplateNode> Options, bool Optional = false) : TemplateNode;

namespace LlmOs.Engine.Understanding.Templates;

/// <summary><c>&lt;name&gt;</c>: a shared piece defined once in the language's <c>rules:</c> map.</summary>
public sealed record RuleNode(string Name) : TemplateNode;

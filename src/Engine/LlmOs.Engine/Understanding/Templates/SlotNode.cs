namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// <c>{name}</c>: a slot, parsed by its declared type. <c>{name:(plus|minus|times)}</c> (llmos' one extension of the
/// hassil syntax) restricts a free-text slot: its words must include one of the requirement's words or a digit, so
/// "what is {expression:...}" takes "12 times 7" but leaves "the capital of France" to the other stages.
/// </summary>
public sealed record SlotNode(string Name, TemplateNode? Requirement = null) : TemplateNode;

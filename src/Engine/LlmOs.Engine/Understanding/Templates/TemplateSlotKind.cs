namespace LlmOs.Engine.Understanding.Templates;

/// <summary>How the matcher reads a slot's value.</summary>
internal enum TemplateSlotKind : byte
{
    /// <summary>Through the slot parsers of its type (<see cref="Slots.SlotParsers"/>).</summary>
    Typed,

    /// <summary>The longest (or any) entry of a named list.</summary>
    List,

    /// <summary>Free text: one or more tokens, as many as the rest of the template leaves.</summary>
    Text,
}

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>A slot value a parser read from <see cref="Length"/> tokens at some position, with the value typed as <see cref="SlotTypes"/> says.</summary>
public readonly record struct SlotMatch(int Length, object Value);

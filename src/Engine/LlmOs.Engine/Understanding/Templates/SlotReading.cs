namespace LlmOs.Engine.Understanding.Templates;

/// <summary>One way a typed or list slot can be read at a position: how many tokens, the value, and a typo penalty.</summary>
internal readonly record struct SlotReading(int Length, object Value, double Penalty);

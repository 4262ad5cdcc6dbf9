namespace LlmOs.Engine.Understanding.Slots;

/// <summary>A number read from <see cref="Length"/> tokens; <see cref="Whole"/> when it has no fraction ("twenty five", not "two and a half").</summary>
internal readonly record struct NumberReading(int Length, double Value, bool Whole);

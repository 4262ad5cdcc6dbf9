namespace LlmOs.Engine.Understanding.Language;

/// <summary>A day said relative to today ("tomorrow" → 1, "tonight" → 0 in the evening), with the part of the day it names, if any.</summary>
public sealed record DayWord(int Offset, DayPeriod? Period);

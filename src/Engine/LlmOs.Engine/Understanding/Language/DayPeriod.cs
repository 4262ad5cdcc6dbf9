namespace LlmOs.Engine.Understanding.Language;

/// <summary>A part of the day ("in the morning", "de la tarde"): the half of the day it puts an hour in, and the hour it means alone ("tomorrow morning" → 9).</summary>
public sealed record DayPeriod(Meridiem Meridiem, int Hour);

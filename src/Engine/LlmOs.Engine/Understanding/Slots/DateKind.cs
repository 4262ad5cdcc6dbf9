namespace LlmOs.Engine.Understanding.Slots;

/// <summary>How a date was said.</summary>
internal enum DateKind
{
    /// <summary>Days from today: "today", "tomorrow", "tonight".</summary>
    Offset,

    /// <summary>The next such weekday: "on friday".</summary>
    Weekday,

    /// <summary>A day of a month, with or without a year: "december 24th", "24 de diciembre de 2027".</summary>
    Calendar,
}

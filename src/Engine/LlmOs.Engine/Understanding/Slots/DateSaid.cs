using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// A date read from <see cref="Length"/> tokens: <see cref="Offset"/> days from today, the next <see cref="Weekday"/>,
/// or <see cref="Day"/> of <see cref="Month"/> (of <see cref="Year"/>, 0 when not said), with the part of the day
/// said with it ("tomorrow morning"), if any.
/// </summary>
internal readonly record struct DateSaid(int Length, DateKind Kind, int Offset, DayOfWeek Weekday, int Month, int Day, int Year, DayPeriod? Period);

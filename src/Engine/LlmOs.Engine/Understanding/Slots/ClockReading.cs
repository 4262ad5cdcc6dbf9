using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// A time of day read from <see cref="Length"/> tokens. <see cref="Exact"/> when the hour is already on the 24-hour
/// clock ("17:30", "noon", "quarter to midnight"); otherwise <see cref="Hour"/> is 0 to 12 and <see cref="Meridiem"/>
/// says which half of the day, if anyone said. <see cref="Plain"/> when it is a bare number ("5"), which only counts
/// as a time after "at".
/// </summary>
internal readonly record struct ClockReading(int Length, int Hour, int Minute, Meridiem Meridiem, bool Exact, bool Plain);

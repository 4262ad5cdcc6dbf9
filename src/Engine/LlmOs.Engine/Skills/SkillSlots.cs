using System.Globalization;
using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Skills;

/// <summary>
/// Reads slot values as <see cref="Understanding.Slots.SlotTypes"/> types them, tolerating the neighbouring plain
/// types (an app handler's JSON may bring a whole number as a double), so a skill sees null rather than a cast error.
/// </summary>
internal static class SkillSlots
{
    /// <summary>The slot as text, trimmed; null when absent or blank.</summary>
    public static string? Text(IntentInvocation invocation, string name) =>
        invocation.Slots.TryGetValue(name, out var value) && value is not null
            && Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } text
            ? text
            : null;

    /// <summary>The slot as a number; null when absent or not a number.</summary>
    public static double? Number(IntentInvocation invocation, string name) =>
        invocation.Slots.TryGetValue(name, out var value) ? value switch
        {
            long l => l,
            int i => i,
            double d when double.IsFinite(d) => d,
            float f when float.IsFinite(f) => f,
            decimal m => (double)m,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) => d,
            _ => null,
        } : null;

    /// <summary>The slot as a moment (ISO 8601 with offset); null when absent or unreadable.</summary>
    public static DateTimeOffset? Moment(IntentInvocation invocation, string name) =>
        invocation.Slots.TryGetValue(name, out var value) ? value switch
        {
            DateTimeOffset moment => moment,
            string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var moment) => moment,
            _ => null,
        } : null;
}

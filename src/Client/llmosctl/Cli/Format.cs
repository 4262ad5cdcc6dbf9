using System.Globalization;

namespace LlmOs.Ctl.Cli;

/// <summary>Numbers and times in the short forms people read.</summary>
internal static class Format
{
    public static string Count(long? n) => n switch
    {
        null => "-",
        >= 1_000_000_000 => (n.Value / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "B",
        >= 1_000_000 => (n.Value / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (n.Value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "K",
        _ => n.Value.ToString(CultureInfo.InvariantCulture),
    };

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
    };

    public static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m"
            : span.TotalMinutes >= 1 ? $"{span.Minutes}m {span.Seconds}s"
            : $"{span.Seconds}s";
    }

    public static string Time(DateTimeOffset? time) =>
        time?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
}

using System.Globalization;
using System.Text;
using LlmOs.Ctl.Cli;

namespace LlmOs.Ctl.Top;

/// <summary>Draws one frame of <c>llmosctl top</c> as plain text, the same whether it goes to a terminal or a pipe.</summary>
internal static class TopScreen
{
    public static string Render(TopFigures figures, DateTimeOffset at)
    {
        var text = new StringBuilder();
        string queue = string.Join("  ", figures.QueueDepth.Select(q => $"{q.Key} {Whole(q.Value)}"));
        text.AppendLine(CultureInfo.InvariantCulture, $"llmosd at {at.ToLocalTime():HH:mm:ss}   running {Whole(figures.TasksRunning)}   queued: {(queue.Length == 0 ? "-" : queue)}");

        text.Append("tasks:    ");
        var byKind = figures.Tasks.Where(t => t.Count > 0).GroupBy(t => t.Kind).ToList();
        text.AppendLine(byKind.Count == 0 ? "none finished yet" : string.Join("   ", byKind.Select(g =>
            $"{g.Key}: " + string.Join(", ", g.Select(t => $"{Whole(t.Count)} {t.Outcome}")))));

        text.AppendLine(CultureInfo.InvariantCulture, $"tokens:   {Format.Count((long)figures.TokensGenerated)} generated, {PerSecond(figures.TokensPerSecond)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"ttft:     {Latencies(figures.TimeToFirstToken)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"step:     {Latencies(figures.TokenInterval)}");
        if (figures.Process.WorkingSetBytes is { } rss)
        {
            string cpu = figures.Process.CpuPercent is { } percent ? percent.ToString("0", CultureInfo.InvariantCulture) + "% CPU" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"daemon:   {Format.Bytes((long)rss)} resident{(cpu.Length > 0 ? ", " + cpu : "")}");
        }

        text.AppendLine();
        if (figures.Models.Count == 0)
        {
            text.AppendLine("no model in memory");
            return text.ToString();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{"MODEL",-24} {"MEMORY",10} {"ACTIVE",6} {"TOKENS",8} {"TOK/S",8} {"TTFT P50/P95",19} {"STEP P50/P95",19}");
        foreach (var model in figures.Models)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{model.Name,-24} {Format.Bytes((long)model.ResidentBytes),10} {Whole(model.ActiveSequences),6} {Format.Count((long)model.TokensGenerated),8} {Rate(model.TokensPerSecond),8} {Pair(model.TimeToFirstToken),19} {Pair(model.TokenInterval),19}");
        }

        return text.ToString();
    }

    private static string Latencies(LatencyFigures latency) => latency.Count > 0
        ? $"p50 {Seconds(latency.P50S)}  p95 {Seconds(latency.P95S)}  mean {Seconds(latency.MeanS)}  ({Whole(latency.Count)} observed)"
        : "-";

    private static string Pair(LatencyFigures latency) => latency.Count > 0 ? $"{Seconds(latency.P50S)} / {Seconds(latency.P95S)}" : "-";

    private static string PerSecond(double? rate) => rate is null ? "- /s" : Rate(rate) + "/s";

    private static string Rate(double? rate) => rate?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-";

    private static string Whole(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>Latencies from a tenth of a millisecond to minutes, each in the unit that reads best.</summary>
    private static string Seconds(double? seconds) => seconds switch
    {
        null => "-",
        < 0.001 => (seconds.Value * 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        < 1 => (seconds.Value * 1000).ToString("0.#", CultureInfo.InvariantCulture) + " ms",
        _ => seconds.Value.ToString("0.##", CultureInfo.InvariantCulture) + " s",
    };
}

using System.Globalization;

namespace LlmOs.Bench;

public static partial class SpeechBench
{
    public static void Print(Result result, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"speech: real-time factor (processing time / audio duration; target for the grammar path < {GrammarRtfTarget})"));
        output.WriteLine("  path                                                      samples  median RTF    p90 RTF  target");
        foreach (var series in result.RealTimeFactors)
        {
            bool grammar = series.Path.StartsWith("grammar", StringComparison.Ordinal) && !series.Path.Contains("out of grammar", StringComparison.Ordinal);
            string target = !grammar || series.Values.Count == 0 ? "" : series.Median < GrammarRtfTarget ? "met" : "NOT met";
            WriteRow(output, series, "F3", target);
        }

        output.WriteLine();
        output.WriteLine(string.Create(c, $"speech: end of speech to intent, a {result.CommandSeconds:F1} s spoken command, {LatencyRuns} runs after 1 warm-up (target < {EndOfSpeechTargetMilliseconds} ms)"));
        output.WriteLine("  path                                                      samples   median ms     p90 ms  target");
        foreach (var series in result.EndOfSpeech)
        {
            string target = series.Values.Count == 0 ? "" : series.Median < EndOfSpeechTargetMilliseconds ? "met" : "NOT met";
            WriteRow(output, series, "F1", target);
        }

        if (result.EndOfSpeech is [{ Values.Count: > 0 } inProcess, { Values.Count: > 0 } daemon])
        {
            output.WriteLine(string.Create(c, $"  daemon over in-process (median): {daemon.Median - inProcess.Median:+0.0;-0.0} ms"));
        }

        output.WriteLine(string.Create(c, $"speech: {result.Elapsed.TotalSeconds:F1} s in all"));
    }

    private static void WriteRow(TextWriter output, Series series, string format, string target)
    {
        var c = CultureInfo.InvariantCulture;
        if (series.Failure is not null)
        {
            output.WriteLine($"  {series.Path,-57} failed: {series.Failure}");
            return;
        }

        output.WriteLine(string.Create(
            c,
            $"  {series.Path,-57} {series.Values.Count,7} {series.Median.ToString(format, c),11} {series.P90.ToString(format, c),10}  {target}{(series.Note is null ? "" : "  (" + series.Note + ")")}"));
    }
}

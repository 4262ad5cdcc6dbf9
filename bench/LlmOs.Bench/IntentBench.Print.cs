namespace LlmOs.Bench;

public static partial class IntentBench
{
    /// <summary>The figures as the benchmark prints them: one line per stage and per round-trip path.</summary>
    public static void Print(Result result, TextWriter writer)
    {
        writer.WriteLine($"intents (language en, built-in catalog; in-process stages called alone on {StageUtterances.Length} short utterances, one pass of warm-up first):");
        writer.WriteLine($"  {"stage",-34}{"calls",7}{"p50 ms",10}{"p99 ms",10}{"max ms",10}{"calls/s",10}  target");
        foreach (var stage in result.Stages)
        {
            string target = stage.Path.StartsWith("templates", StringComparison.Ordinal) ? Target(stage, TemplatesTargetMilliseconds)
                : stage.Path.StartsWith("semantic", StringComparison.Ordinal) ? Target(stage, SemanticTargetMilliseconds)
                : "";
            Row(writer, stage, target);
        }

        writer.WriteLine($"  ask round trips ({AskUtterances.Length} commands a skill answers without the LLM, e.g. \"{AskUtterances[0]}\"; /v1/health on the same HTTP client as the baseline of the wire):");
        foreach (var trip in result.RoundTrips)
        {
            Row(writer, trip, "");
        }

        var agreed = AskUtterances.Count(u => result.InProcessIntents.TryGetValue(u, out var a) && result.DaemonIntents.TryGetValue(u, out var b) && a == b);
        writer.WriteLine($"  same intent in-process and through the daemon: {agreed}/{AskUtterances.Length}; in-process: {string.Join(", ", AskUtterances.Select(u => result.InProcessIntents.GetValueOrDefault(u, "?")))}");
        writer.WriteLine($"  intent part's run time {result.Elapsed.TotalSeconds:F1} s");
    }

    private static string Target(Latency stage, double milliseconds) =>
        stage.Failure is not null ? "" : $"p50 < {milliseconds:0} ms: {(stage.P50Milliseconds < milliseconds ? "met" : "NOT met")}";

    private static void Row(TextWriter writer, Latency row, string target)
    {
        if (row.Failure is not null)
        {
            writer.WriteLine($"  {row.Path,-34}failed: {row.Failure}");
            return;
        }

        writer.WriteLine($"  {row.Path,-34}{row.Calls,7}{row.P50Milliseconds,10:F3}{row.P99Milliseconds,10:F3}{row.MaxMilliseconds,10:F3}{row.PerSecond,10:F0}  {target}".TrimEnd());
    }
}

namespace LlmOs.Bench;

public sealed partial record Report
{
    /// <summary>Issue 3: 8 streams through the daemon give at least this multiple of its single-stream aggregate.</summary>
    public const double StreamsTarget = 2.5;

    /// <summary>Prints the aggregate table and its ratios; returns whether every stream gave the single-stream in-process text.</summary>
    private bool PrintStreams()
    {
        int most = BenchOptions.ParallelSequences;
        var daemonOne = Generation.Daemon.Select(AggregateRun.From).ToList();
        var rows = new List<(string Path, List<AggregateRun> Runs, List<AggregateRun> One)> { ("daemon", daemonOne, daemonOne) };
        rows.AddRange(Generation.DaemonStreams.OrderBy(p => p.Key).Select(p => ("daemon", p.Value, daemonOne)));
        rows.Add(("in-process (8-seq context)", Generation.InProcessBatchOne, Generation.InProcessBatchOne));
        rows.Add(("in-process (8-seq context)", Generation.InProcessBatchAll, Generation.InProcessBatchOne));

        Console.WriteLine($"Aggregate generation: N greedy streams of {Options.Tokens} tokens started together (through the daemon each from its own client);");
        Console.WriteLine("  tokens/s = all the streams' tokens / wall time from the first submit (or open) to the last final event (or token)");
        string runHeader = string.Concat(Enumerable.Range(1, Options.Runs).Select(i => $"{"run " + i,9}"));
        Console.WriteLine($"  {"path",-28}{"streams",8}{runHeader}{"median",9}{"x 1 str",9}{"CPU µs/tok",12}{"llmosd µs/tok",15}{"same text",11}");
        string reference = Generation.InProcess[0].Text;
        bool allSame = true;
        foreach (var (path, runs, one) in rows)
        {
            double median = Median(runs);
            int same = runs.Sum(r => r.Texts.Count(t => t == reference));
            int total = runs.Sum(r => r.Texts.Count);
            allSame &= same == total;
            double tokens = Math.Max(runs.Sum(r => r.Tokens), 1);
            string server = path == "daemon" ? $"{runs.Sum(r => r.ServerCpu.TotalMicroseconds) / tokens,15:F1}" : $"{"-",15}";
            Console.WriteLine($"  {path,-28}{runs[0].Streams,8}{string.Concat(runs.Select(r => $"{r.TokensPerSecond,9:F1}"))}{median,9:F1}{median / Median(one),9:F2}{runs.Sum(r => r.Cpu.TotalMicroseconds) / tokens,12:F1}{server}{$"{same}/{total}",11}");
        }

        double inSingle = Stats.Median([.. Generation.InProcess.Select(r => r.TokensPerSecond)]);
        double daemonMost = Median(Generation.DaemonStreams[most]);
        double streamsRatio = daemonMost / Median(daemonOne);
        double pairedRatio = Stats.Median([.. Generation.DaemonStreams[most].Zip(daemonOne, (m, o) => m.TokensPerSecond / o.TokensPerSecond)]);
        Console.WriteLine();
        Console.WriteLine($"  daemon, {most} streams / 1 stream, median tok/s: {streamsRatio:F2}  (target >= {StreamsTarget:F1}: {(streamsRatio >= StreamsTarget ? "met" : "NOT met")}; median of the run-by-run ratios: {pairedRatio:F2})");
        double againstInProcess = daemonMost / inSingle;
        Console.WriteLine($"  daemon, {most} streams / in-process single stream (1-seq context): {againstInProcess:F2}  (the stricter reading of the same target: {(againstInProcess >= StreamsTarget ? "met" : "NOT met")})");
        double engineMost = Median(Generation.InProcessBatchAll);
        Console.WriteLine($"  engine alone, {most} / 1 sequences (8-seq context): {engineMost / Median(Generation.InProcessBatchOne):F2}; daemon {most} streams / engine alone {most} sequences: {daemonMost / engineMost:F2}");
        Console.WriteLine($"  in-process single stream, 8-seq / 1-seq context: {Median(Generation.InProcessBatchOne) / inSingle:F2}");
        Console.WriteLine($"  every stream gave the single-stream in-process text: {(allSame ? "yes" : "NO")}");
        Console.WriteLine();
        return allSame;
    }

    private static double Median(List<AggregateRun> runs) => Stats.Median([.. runs.Select(r => r.TokensPerSecond)]);
}

namespace LlmOs.Bench;

/// <summary>
/// Every generation measurement, round by round: in one round each path and stream count runs once, so that the
/// machine's changing load falls on all of them alike. The first round is the warm-up (it also loads the model in llmosd).
/// </summary>
public sealed record GenerationRounds(
    GenerationRun InProcessWarmup,
    List<GenerationRun> InProcess,
    GenerationRun DaemonWarmup,
    List<GenerationRun> Daemon,
    IReadOnlyDictionary<int, List<AggregateRun>> DaemonStreams,
    List<AggregateRun> InProcessBatchOne,
    List<AggregateRun> InProcessBatchAll)
{
    /// <param name="oneSequence">The engine with a one-sequence context: the single-stream baseline.</param>
    /// <param name="batched">The engine with a context for <see cref="BenchOptions.ParallelSequences"/> sequences, as llmosd loads it.</param>
    /// <param name="daemon">Clients of llmosd, started with the same number of parallel sequences.</param>
    /// <param name="runs">Timed rounds after the warm-up.</param>
    public static async Task<GenerationRounds> RunAsync(InProcessBench oneSequence, InProcessBench batched, DaemonStreamsBench daemon, int runs)
    {
        var results = new GenerationRounds(
            await oneSequence.GenerateOnceAsync(),
            new List<GenerationRun>(runs),
            await daemon.Alone.GenerateOnceAsync(),
            new List<GenerationRun>(runs),
            BenchOptions.StreamCounts.ToDictionary(n => n, _ => new List<AggregateRun>(runs)),
            new List<AggregateRun>(runs),
            new List<AggregateRun>(runs));
        await results.RoundAsync(oneSequence, batched, daemon, warmup: true);
        for (int i = 0; i < runs; i++)
        {
            await results.RoundAsync(oneSequence, batched, daemon, warmup: false);
        }

        return results;
    }

    private async Task RoundAsync(InProcessBench oneSequence, InProcessBench batched, DaemonStreamsBench daemon, bool warmup)
    {
        if (!warmup)
        {
            InProcess.Add(await oneSequence.GenerateOnceAsync());
            Daemon.Add(await daemon.Alone.GenerateOnceAsync());
        }

        foreach (int streams in BenchOptions.StreamCounts)
        {
            var run = await daemon.RunAsync(streams);
            if (!warmup)
            {
                DaemonStreams[streams].Add(run);
            }
        }

        var one = await batched.GenerateTogetherAsync(1);
        var all = await batched.GenerateTogetherAsync(BenchOptions.ParallelSequences);
        if (!warmup)
        {
            InProcessBatchOne.Add(one);
            InProcessBatchAll.Add(all);
        }
    }
}

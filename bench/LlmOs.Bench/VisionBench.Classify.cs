namespace LlmOs.Bench;

public static partial class VisionBench
{
    /// <summary>
    /// Warms every configuration up, then runs them in turns for <see cref="Rounds"/> rounds: in-process and daemon at
    /// batch 1, then at batch 16. Each configuration's figures pool its rounds.
    /// </summary>
    private static async Task<IReadOnlyList<Point>> MeasureClassificationAsync(ClassifyPaths paths, int daemonPid, CancellationToken cancellationToken)
    {
        Tally[] tallies =
        [
            new("in-process", 1, null, paths.InProcessAsync),
            new("daemon", 1, daemonPid, paths.DaemonAsync),
            new("in-process", BatchSize, null, paths.InProcessAsync),
            new("daemon", BatchSize, daemonPid, paths.DaemonAsync),
        ];

        // Enough daemon calls for the JIT to tier up its request path (Kestrel, JSON), whose compiling would count as its CPU.
        await tallies[0].WarmUpAsync(20, cancellationToken);
        await tallies[1].WarmUpAsync(100, cancellationToken);
        await tallies[2].WarmUpAsync(2, cancellationToken);
        await tallies[3].WarmUpAsync(4, cancellationToken);
        for (int round = 0; round < Rounds; round++)
        {
            foreach (var tally in tallies)
            {
                await tally.RunAsync(tally.Batch == 1 ? Batch1RequestsPerRound : Batch16CallsPerRound, cancellationToken);
            }
        }

        return [.. tallies.Select(t => t.ToPoint())];
    }
}

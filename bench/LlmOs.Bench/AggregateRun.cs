namespace LlmOs.Bench;

/// <summary>
/// One round of <paramref name="Streams"/> generations started together: all their tokens, the wall time from the first
/// submit (or open) to the last final event (or token), the CPU every process spent meanwhile (<paramref name="ServerCpu"/>
/// is the daemon's share) and each stream's text.
/// </summary>
public sealed record AggregateRun(int Streams, int Tokens, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan ServerCpu, IReadOnlyList<string> Texts)
{
    public double TokensPerSecond => Tokens / Elapsed.TotalSeconds;

    /// <summary>A single generation seen as a round of one stream.</summary>
    public static AggregateRun From(GenerationRun run) => new(1, run.Tokens, run.Elapsed, run.Cpu, run.ServerCpu, [run.Text]);
}

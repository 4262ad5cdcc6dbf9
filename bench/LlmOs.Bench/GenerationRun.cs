namespace LlmOs.Bench;

/// <summary>
/// One timed generation: tokens, wall time in all, wall time until the first text, CPU time spent on it by
/// every process involved (<paramref name="ServerCpu"/> is the daemon's share), how it ended, and the text.
/// </summary>
public sealed record GenerationRun(int Tokens, TimeSpan Elapsed, TimeSpan FirstText, TimeSpan Cpu, TimeSpan ServerCpu, string Text, string FinishReason)
{
    public double TokensPerSecond => Tokens / Elapsed.TotalSeconds;
}

namespace LlmOs.Engine.Whisper;

/// <summary>How Whisper runs: the CPU threads one transcription uses (0: half the cores, at least one).</summary>
public sealed record WhisperOptions
{
    public int Threads { get; init; }

    internal int EffectiveThreads => Threads > 0 ? Threads : Math.Max(1, Environment.ProcessorCount / 2);
}

namespace LlmOs.Engine.Onnx;

public sealed class MiniLmOptions
{
    /// <summary>
    /// ONNX Runtime intra-op threads per session; 0 = one core less than the machine has (at least 1).
    /// Why one less: the daemon runs llama.cpp generation (which by default also takes all cores but one) and
    /// its socket server beside embeddings. On this project's 2-core machines that means 1 thread: a short
    /// sentence took 6.0 ms with 1 thread and 7.5 ms with 2 (the hand-off costs more than it saves), while a
    /// batch of 32 took 107 ms against 66 ms, a gain that would come out of the other model's core.
    /// </summary>
    public int Threads { get; init; }

    public int EffectiveThreads => Threads > 0 ? Threads : Math.Max(1, Environment.ProcessorCount - 1);
}

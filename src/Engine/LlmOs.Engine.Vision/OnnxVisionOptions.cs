namespace LlmOs.Engine.Vision;

public sealed class OnnxVisionOptions
{
    /// <summary>Threads ONNX Runtime may use within one run (0: one core less than the machine has, at least 1).</summary>
    public int Threads { get; init; }

    /// <summary>
    /// As for the MiniLM embedder: one core is left to the text models and the socket server that run beside
    /// classification in the daemon.
    /// </summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Math.Max(1, Environment.ProcessorCount - 1);
}

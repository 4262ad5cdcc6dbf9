namespace LlmOs.Engine.Vision;

public sealed class OnnxVisionOptions
{
    /// <summary>Threads ONNX Runtime may use within one run (0: its own default).</summary>
    public int Threads { get; init; }
}

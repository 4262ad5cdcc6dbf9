namespace LlmOs.Engine.Models;

/// <summary>What a GGUF file says about itself, read from its header without loading weights.</summary>
public sealed record GgufMetadata(
    int Version,
    string? Architecture,
    string? Name,
    long ParameterCount,
    int? ContextLength,
    string? ChatTemplate,
    string? Quantization,
    long TensorDataBytes)
{
    /// <summary>The model's dimensions, where the header gives them (null for architectures without the usual keys).</summary>
    public GgufShape? Shape { get; init; }
}

namespace LlmOs.Engine.Generation;

/// <summary>How the scheduler asks a backend to load a text model: decided before loading, from configuration and the memory budget.</summary>
public sealed record TextModelSettings(int ContextPerSequence, int Sequences, int GpuLayers);

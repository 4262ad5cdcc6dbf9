using LlmOs.Engine.Generation;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// What a text model will take once loaded, estimated from its GGUF header before anything is loaded:
/// the weights, the KV cache (f16 keys and values for every layer, every sequence, the whole context)
/// and llama.cpp's working buffers.
/// </summary>
public static class ModelMemory
{
    private const long BufferBase = 16L << 20;

    public static long Estimate(ModelEntry model, TextModelSettings settings)
    {
        long weights = model.Metadata?.TensorDataBytes ?? model.SizeBytes;
        return weights + KvCache(model, settings) + BufferBase + (weights / 20);
    }

    /// <summary>Bytes of weights per layer, for deciding how many layers fit on a GPU.</summary>
    public static long PerLayer(ModelEntry model) =>
        model.Metadata is { Shape: { Layers: > 0 } shape } metadata ? metadata.TensorDataBytes / shape.Layers : long.MaxValue;

    public static long KvCache(ModelEntry model, TextModelSettings settings)
    {
        long tokens = (long)settings.ContextPerSequence * settings.Sequences;
        if (model.Metadata?.Shape is not { } shape)
        {
            // No dimensions in the header: assume the cache is as large as the weights, a safe overestimate for small contexts.
            return model.Metadata?.TensorDataBytes ?? model.SizeBytes;
        }

        long perToken = (long)shape.Layers * shape.HeadCountKv * (shape.KeyLength + shape.ValueLength) * sizeof(short);
        return perToken * tokens;
    }
}

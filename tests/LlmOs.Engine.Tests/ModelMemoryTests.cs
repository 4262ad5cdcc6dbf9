using LlmOs.Engine.Generation;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;

namespace LlmOs.Engine.Tests;

/// <summary>
/// The memory estimate from the real stories260K header. Its dimensions, read independently from the file's
/// metadata (llama.block_count 5, embedding_length 64, attention.head_count 8, head_count_kv 4, no key/value
/// lengths, so 64 / 8 = 8 each; blk.N.attn_k.weight is 64 × 32 = 4 kv heads × 8) and its 292,800 F32 weights.
/// </summary>
public sealed class ModelMemoryTests
{
    private const long Weights = 292_800L * 4;
    private const long Buffers = 16L << 20;

    // Per token of context: 5 layers × 4 kv heads × (8 + 8) × 2 bytes (f16).
    private const long KvPerToken = 5 * 4 * (8 + 8) * 2;

    private static readonly Lazy<ModelEntry> Stories = new(() => Entry(GgufReader.Read(TestModels.Stories260K)));

    private static ModelEntry Entry(GgufMetadata? metadata, long size = 1_185_376) =>
        new("stories", TestModels.Stories260K, ModelKind.Text, ModelSource.ModelsDirectory, false, size, metadata, null);

    [Fact]
    public void Stories260K_shape_is_read_from_its_header()
    {
        var shape = Stories.Value.Metadata!.Shape;

        Assert.Equal(new GgufShape(Layers: 5, EmbeddingLength: 64, HeadCount: 8, HeadCountKv: 4, KeyLength: 8, ValueLength: 8), shape);
        Assert.Equal(Weights, Stories.Value.Metadata!.TensorDataBytes);
    }

    [Theory]
    [InlineData(2048, 1, 1_310_720)]
    [InlineData(2048, 4, 5_242_880)]
    [InlineData(512, 8, 2_621_440)]
    [InlineData(1, 1, 640)]
    public void Kv_cache_is_layers_times_kv_heads_times_key_and_value_lengths_times_two_bytes_per_token_of_every_sequence(int context, int sequences, long expected)
    {
        var settings = new TextModelSettings(context, sequences, 0);

        long bytes = ModelMemory.KvCache(Stories.Value, settings);

        Assert.Equal(expected, bytes);
        Assert.Equal(KvPerToken * context * sequences, bytes);
    }

    [Fact]
    public void Kv_cache_follows_the_shape_formula_for_any_dimensions()
    {
        var shape = new GgufShape(Layers: 32, EmbeddingLength: 4096, HeadCount: 32, HeadCountKv: 8, KeyLength: 128, ValueLength: 96);
        var metadata = new GgufMetadata(3, "llama", null, 0, 8192, null, "Q4_K_M", 4L << 30) { Shape = shape };

        long bytes = ModelMemory.KvCache(Entry(metadata), new TextModelSettings(4096, 4, 0));

        Assert.Equal(32L * 8 * (128 + 96) * 2 * 4096 * 4, bytes);
    }

    [Fact]
    public void Estimate_is_weights_plus_kv_cache_plus_buffers_plus_a_twentieth_of_the_weights()
    {
        var settings = new TextModelSettings(2048, 4, 0);

        long estimate = ModelMemory.Estimate(Stories.Value, settings);

        Assert.Equal(Weights + (KvPerToken * 2048 * 4) + Buffers + (Weights / 20), estimate);
        Assert.Equal(1_171_200 + 5_242_880 + 16_777_216 + 58_560, estimate);
    }

    [Fact]
    public void Estimate_grows_with_context_and_sequences_by_exactly_the_kv_cache()
    {
        long small = ModelMemory.Estimate(Stories.Value, new TextModelSettings(256, 1, 0));
        long large = ModelMemory.Estimate(Stories.Value, new TextModelSettings(1024, 3, 0));

        Assert.Equal(KvPerToken * ((1024 * 3) - 256), large - small);
    }

    [Fact]
    public void Per_layer_is_the_weights_divided_by_the_layers()
    {
        Assert.Equal(Weights / 5, ModelMemory.PerLayer(Stories.Value));
        Assert.Equal(234_240, ModelMemory.PerLayer(Stories.Value));
    }

    [Fact]
    public void Header_without_dimensions_assumes_a_kv_cache_as_large_as_the_weights()
    {
        var metadata = Stories.Value.Metadata! with { Shape = null };
        var entry = Entry(metadata);
        var settings = new TextModelSettings(2048, 4, 0);

        Assert.Equal(Weights, ModelMemory.KvCache(entry, settings));
        Assert.Equal(Weights + Weights + Buffers + (Weights / 20), ModelMemory.Estimate(entry, settings));
        Assert.Equal(long.MaxValue, ModelMemory.PerLayer(entry));
    }

    [Fact]
    public void Model_without_metadata_is_sized_by_its_file()
    {
        var entry = Entry(null, size: 1_000_000);
        var settings = new TextModelSettings(2048, 1, 0);

        Assert.Equal(1_000_000, ModelMemory.KvCache(entry, settings));
        Assert.Equal(1_000_000 + 1_000_000 + Buffers + 50_000, ModelMemory.Estimate(entry, settings));
        Assert.Equal(long.MaxValue, ModelMemory.PerLayer(entry));
    }
}

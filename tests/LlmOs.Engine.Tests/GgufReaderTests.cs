using LlmOs.Engine.Models;

namespace LlmOs.Engine.Tests;

public sealed class GgufReaderTests : IDisposable
{
    // stories260K.gguf: 48 F32 tensors, header (metadata + tensor table) ends at byte 14,152, data at 14,176.
    private const int HeaderBytes = 14_176;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Real_stories260K_model_reads_as_llama_v3_f32_without_chat_template()
    {
        var metadata = GgufReader.Read(TestModels.Stories260K);

        Assert.Equal(3, metadata.Version);
        Assert.Equal("llama", metadata.Architecture);
        Assert.Equal(2048, metadata.ContextLength);
        Assert.Equal(292_800, metadata.ParameterCount);
        Assert.Equal("F32", metadata.Quantization);
        Assert.Null(metadata.ChatTemplate);
        Assert.Equal(292_800L * 4, metadata.TensorDataBytes);
        Assert.Equal(new FileInfo(TestModels.Stories260K).Length, HeaderBytes + metadata.TensorDataBytes);
    }

    [Fact]
    public void Real_model_cut_after_100000_bytes_is_reported_truncated()
    {
        string path = _temp.CopyPrefix(TestModels.Stories260K, 100_000, "cut.gguf");

        var e = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_model_cut_inside_its_header_is_reported_truncated()
    {
        string path = _temp.CopyPrefix(TestModels.Stories260K, 200, "cut-header.gguf");

        var e = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(24)]
    [InlineData(57)]
    [InlineData(10_800)]
    [InlineData(12_000)]
    [InlineData(HeaderBytes)]
    public void Real_model_cut_anywhere_in_header_or_data_throws_format_exception(int length)
    {
        string path = _temp.CopyPrefix(TestModels.Stories260K, length, "cut.gguf");

        var e = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_of_random_bytes_is_not_a_gguf()
    {
        byte[] noise = new byte[4096];
        new Random(1234).NextBytes(noise);
        string path = _temp.Combine("noise.gguf");
        File.WriteAllBytes(path, noise);

        var e = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));

        Assert.Contains("not a GGUF", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_not_a_gguf()
    {
        string path = _temp.Combine("empty.gguf");
        File.WriteAllBytes(path, []);

        var e = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));

        Assert.Contains("not a GGUF", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Synthetic_header_built_by_the_test_writer_reads_back()
    {
        // Proves GgufWriter writes what the reader expects, so the corrupt variants below fail for their corruption only.
        using var writer = new GgufWriter();
        string path = writer.Header(tensors: 2, kvs: 4)
            .KvString("general.architecture", "tiny")
            .KvString("general.name", "Tiny Test")
            .KvUInt32("tiny.context_length", 512)
            .KvString("tokenizer.chat_template", "{{ messages }}")
            .Tensor("a.weight", [32, 4], type: 1, offset: 0)
            .Tensor("b.weight", [16], type: 1, offset: 256)
            .AlignTo(32)
            .Zeros(256 + 32)
            .SaveTo(_temp.Combine("tiny.gguf"));

        var metadata = GgufReader.Read(path);

        Assert.Equal("tiny", metadata.Architecture);
        Assert.Equal("Tiny Test", metadata.Name);
        Assert.Equal(512, metadata.ContextLength);
        Assert.Equal("{{ messages }}", metadata.ChatTemplate);
        Assert.Equal(144, metadata.ParameterCount);
        Assert.Equal("F16", metadata.Quantization);
        Assert.Equal(288, metadata.TensorDataBytes);
    }

    [Fact]
    public void Real_stories260K_model_has_the_shape_its_metadata_declares()
    {
        // llama.block_count 5, embedding_length 64, head_count 8, head_count_kv 4, no key/value lengths (64 / 8 = 8).
        var shape = GgufReader.Read(TestModels.Stories260K).Shape;

        Assert.Equal(new GgufShape(5, 64, 8, 4, 8, 8), shape);
    }

    [Fact]
    public void Shape_takes_explicit_key_and_value_lengths_and_defaults_kv_heads_to_the_heads()
    {
        using var writer = new GgufWriter();
        string path = writer.Header(tensors: 1, kvs: 6)
            .KvString("general.architecture", "tiny")
            .KvUInt32("tiny.block_count", 3)
            .KvUInt32("tiny.embedding_length", 96)
            .KvUInt32("tiny.attention.head_count", 6)
            .KvUInt32("tiny.attention.key_length", 24)
            .KvUInt32("tiny.attention.value_length", 20)
            .Tensor("w", [16], type: 1, offset: 0)
            .AlignTo(32)
            .Zeros(32)
            .SaveTo(_temp.Combine("shape.gguf"));

        Assert.Equal(new GgufShape(3, 96, 6, 6, 24, 20), GgufReader.Read(path).Shape);
    }

    [Theory]
    [InlineData("tiny.block_count")]
    [InlineData("tiny.embedding_length")]
    [InlineData("tiny.attention.head_count")]
    public void Header_missing_a_dimension_has_no_shape(string missing)
    {
        string[] keys = ["tiny.block_count", "tiny.embedding_length", "tiny.attention.head_count"];
        using var writer = new GgufWriter();
        writer.Header(tensors: 1, kvs: 3).KvString("general.architecture", "tiny");
        foreach (string key in keys.Where(k => k != missing))
        {
            writer.KvUInt32(key, 8);
        }

        string path = writer.Tensor("w", [16], type: 1, offset: 0).AlignTo(32).Zeros(32).SaveTo(_temp.Combine("noshape.gguf"));

        var metadata = GgufReader.Read(path);
        Assert.Equal("tiny", metadata.Architecture);
        Assert.Null(metadata.Shape);
    }

    [Fact]
    public void File_type_in_metadata_names_the_quantization()
    {
        using var writer = new GgufWriter();
        string path = writer.Header(tensors: 1, kvs: 2)
            .KvString("general.architecture", "tiny")
            .KvUInt32("general.file_type", 15)
            .Tensor("w", [256], type: 12, offset: 0)
            .AlignTo(32)
            .Zeros(144)
            .SaveTo(_temp.Combine("q4km.gguf"));

        Assert.Equal("Q4_K_M", GgufReader.Read(path).Quantization);
    }

    [Fact]
    public void Synthetic_tensor_whose_data_is_missing_is_reported_truncated()
    {
        using var writer = new GgufWriter();
        string path = writer.Header(tensors: 1, kvs: 0)
            .Tensor("w", [1024], type: 0, offset: 0)
            .AlignTo(32)
            .Zeros(4095)
            .SaveTo(_temp.Combine("short.gguf"));

        var e = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(-1)]
    public void Unsupported_version_throws_format_exception(int version)
    {
        using var writer = new GgufWriter();
        string path = writer.Header(tensors: 0, kvs: 0, version).Zeros(64).SaveTo(_temp.Combine("v.gguf"));

        var e = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));

        Assert.Contains("version", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(1L << 40)]
    [InlineData(int.MaxValue)]
    [InlineData(16L * 1024 * 1024 + 1)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void Huge_key_length_throws_format_exception_without_allocating(long length)
    {
        using var writer = new GgufWriter();
        string path = writer.Header(tensors: 0, kvs: 1).Int64(length).Zeros(64).SaveTo(_temp.Combine("huge-key.gguf"));

        var e = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));

        Assert.Contains("string length", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("general.architecture")] // a value the reader keeps
    [InlineData("tokenizer.ggml.model")] // a value the reader skips
    public void Huge_string_value_length_throws_format_exception(string key)
    {
        using var writer = new GgufWriter();
        string path = writer.Header(tensors: 0, kvs: 1)
            .String(key).UInt32(GgufWriter.TypeString).Int64(long.MaxValue - 7)
            .Zeros(64)
            .SaveTo(_temp.Combine("huge-value.gguf"));

        var e = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));

        Assert.Contains("string length", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GgufWriter.TypeString, 1L << 40)]
    [InlineData(GgufWriter.TypeUInt32, long.MaxValue)]
    [InlineData(GgufWriter.TypeArray, -5L)]
    public void Huge_array_length_throws_format_exception(uint itemType, long count)
    {
        using var writer = new GgufWriter();
        string path = writer.Header(tensors: 0, kvs: 1)
            .String("tokenizer.ggml.tokens").UInt32(GgufWriter.TypeArray).UInt32(itemType).Int64(count)
            .Zeros(64)
            .SaveTo(_temp.Combine("huge-array.gguf"));

        Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));
    }

    [Theory]
    [InlineData(1L << 40, 10L)]
    [InlineData(10L, long.MaxValue)]
    [InlineData(-1L, 0L)]
    public void Implausible_tensor_or_metadata_count_throws_format_exception(long tensors, long kvs)
    {
        using var writer = new GgufWriter();
        string path = writer.Header(tensors, kvs).Zeros(64).SaveTo(_temp.Combine("counts.gguf"));

        var e = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));

        Assert.Contains("implausible", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_metadata_value_type_throws_format_exception()
    {
        using var writer = new GgufWriter();
        string path = writer.Header(tensors: 0, kvs: 1).String("x").UInt32(77).Zeros(64).SaveTo(_temp.Combine("type.gguf"));

        Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));
    }

    /// <summary>
    /// Shapes whose element count or byte size does not fit in 64 bits. Each extent alone passes the reader's
    /// per-extent limit (2^40); the corruption is in their product. The file must be refused as a format error:
    /// any other exception escapes ModelRegistry (which catches only GgufFormatException and I/O errors), and a
    /// size that wraps around makes a file with no tensor data pass as valid.
    /// </summary>
    [Theory]
    [InlineData("element count overflows", 0u, 1L << 40, 1L << 40, 1)]
    [InlineData("byte size wraps to zero", 0u, 1L << 40, 1L << 22, 1)]
    [InlineData("byte size wraps negative", 0u, 1L << 40, 1L << 21, 1)]
    [InlineData("parameter count overflows", 99u, 1L << 40, 1L << 20, 8)]
    public void Tensor_shape_too_large_for_64_bits_throws_format_exception(string corruption, uint type, long dim0, long dim1, int tensors)
    {
        using var writer = new GgufWriter();
        writer.Header(tensors, kvs: 0);
        for (int i = 0; i < tensors; i++)
        {
            writer.Tensor($"t{i}", [dim0, dim1], type, offset: 0);
        }

        string path = writer.AlignTo(32).Zeros(64).SaveTo(_temp.Combine("shape.gguf"));

        var e = Record.Exception(() => GgufReader.Read(path));

        Assert.True(e is GgufFormatException, $"{corruption}: expected GgufFormatException, got {e?.GetType().Name ?? "no exception"}: {e?.Message}");
    }

    [Fact]
    public void Fuzzed_copies_of_the_real_header_either_read_or_throw_format_exception()
    {
        byte[] prefix = File.ReadAllBytes(TestModels.Stories260K).AsSpan(0, 64 * 1024).ToArray();
        string path = _temp.Combine("fuzz.gguf");
        var random = new Random(20_251_129);
        var unexpected = new List<string>();
        int formatErrors = 0;

        for (int round = 0; round < 300; round++)
        {
            byte[] copy = (byte[])prefix.Clone();
            int flips = random.Next(1, 9);
            for (int f = 0; f < flips; f++)
            {
                // Half the rounds aim at the header (metadata and tensor table), where corruption matters most.
                int at = round % 2 == 0 ? random.Next(copy.Length) : random.Next(HeaderBytes);
                copy[at] ^= (byte)random.Next(1, 256);
            }

            File.WriteAllBytes(path, copy);
            try
            {
                GgufReader.Read(path);
            }
            catch (GgufFormatException)
            {
                formatErrors++;
            }
            catch (Exception e)
            {
                unexpected.Add($"round {round}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.Empty(unexpected);
        Assert.True(formatErrors > 0, "a 64 KiB prefix of a 1.2 MB model can never read as complete");
    }
}

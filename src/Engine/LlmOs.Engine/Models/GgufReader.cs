using System.Buffers.Binary;
using System.Text;

namespace LlmOs.Engine.Models;

/// <summary>
/// Reads the header of a GGUF file (llama.cpp's model format): its key/value metadata and its
/// tensor table, and checks that every tensor's data lies inside the file, so a truncated or
/// corrupt model is caught here and never handed to the native loader.
/// Format: https://github.com/ggml-org/ggml/blob/master/docs/gguf.md
/// </summary>
public static partial class GgufReader
{
    private const uint Magic = 0x46554747; // "GGUF" little-endian
    private const int MaxStringBytes = 16 * 1024 * 1024;
    private const long MaxCount = 1L << 24;

    public static GgufMetadata Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        return Read(stream);
    }

    /// <exception cref="GgufFormatException">The stream is not a usable GGUF model; nothing else is thrown for bad content.</exception>
    public static GgufMetadata Read(Stream stream)
    {
        try
        {
            return ReadHeader(stream);
        }
        catch (EndOfStreamException)
        {
            throw new GgufFormatException("the file ends inside its header (truncated)");
        }
        catch (OverflowException)
        {
            throw new GgufFormatException("the header describes impossibly large tensors (corrupt header)");
        }
    }

    private static GgufMetadata ReadHeader(Stream stream)
    {
        var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (stream.Length < 24 || reader.ReadUInt32() != Magic)
        {
            throw new GgufFormatException("not a GGUF file (bad magic)");
        }

        int version = reader.ReadInt32();
        if (version is < 2 or > 3)
        {
            throw new GgufFormatException($"unsupported GGUF version {version}");
        }

        long tensorCount = CheckCount(reader.ReadInt64(), "tensor count");
        long kvCount = CheckCount(reader.ReadInt64(), "metadata count");

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (long i = 0; i < kvCount; i++)
        {
            string key = ReadString(reader);
            var type = (ValueType)reader.ReadUInt32();
            values[key] = ReadValue(reader, type, keep: IsWanted(key), depth: 0);
        }

        var tensors = ReadTensorTable(reader, tensorCount);
        uint alignment = values.TryGetValue("general.alignment", out var a) && a is uint al && al > 0 ? al : 32u;
        long dataStart = AlignUp(stream.Position, alignment);
        long dataEnd = CheckTensorsInsideFile(tensors, dataStart, stream.Length);

        string? arch = values.GetValueOrDefault("general.architecture") as string;
        return new GgufMetadata(
            version,
            arch,
            values.GetValueOrDefault("general.name") as string,
            tensors.Aggregate(0L, (sum, t) => checked(sum + t.Elements)),
            arch is null ? null : AsInt(values.GetValueOrDefault(arch + ".context_length")),
            values.GetValueOrDefault("tokenizer.chat_template") as string,
            QuantizationName(values.GetValueOrDefault("general.file_type"), tensors),
            dataEnd - dataStart)
        {
            Shape = arch is null ? null : ShapeOf(values, arch),
        };
    }

    private static GgufShape? ShapeOf(Dictionary<string, object?> values, string arch)
    {
        int? Get(string key) => AsInt(values.GetValueOrDefault(arch + "." + key));
        if (Get("block_count") is not { } layers || Get("embedding_length") is not { } embedding || Get("attention.head_count") is not { } heads || heads <= 0)
        {
            return null;
        }

        int headsKv = Get("attention.head_count_kv") ?? heads;
        return new GgufShape(layers, embedding, heads, headsKv, Get("attention.key_length") ?? embedding / heads, Get("attention.value_length") ?? embedding / heads);
    }

    private static bool IsWanted(string key) =>
        key is "general.architecture" or "general.name" or "general.alignment" or "general.file_type"
            or "tokenizer.chat_template"
        || key.EndsWith(".context_length", StringComparison.Ordinal) || key.EndsWith(".block_count", StringComparison.Ordinal)
        || key.EndsWith(".embedding_length", StringComparison.Ordinal) || key.Contains(".attention.", StringComparison.Ordinal);

    private static long CheckCount(long count, string what) =>
        count is < 0 or > MaxCount ? throw new GgufFormatException($"implausible {what} {count} (corrupt header)") : count;

    private static long AlignUp(long offset, uint alignment) => (offset + alignment - 1) / alignment * alignment;

    private static string ReadString(BinaryReader reader)
    {
        long length = reader.ReadInt64();
        if (length is < 0 or > MaxStringBytes)
        {
            throw new GgufFormatException($"implausible string length {length} (corrupt header)");
        }

        byte[] bytes = reader.ReadBytes((int)length);
        if (bytes.Length != length)
        {
            throw new EndOfStreamException();
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static int? AsInt(object? value) => value switch
    {
        uint u => (int)Math.Min(u, int.MaxValue),
        int i => i,
        ulong ul => (int)Math.Min(ul, int.MaxValue),
        long l => (int)Math.Clamp(l, 0, int.MaxValue),
        _ => null,
    };

    private static void Skip(BinaryReader reader, long bytes)
    {
        var stream = reader.BaseStream;
        if (stream.Position + bytes > stream.Length)
        {
            throw new EndOfStreamException();
        }

        stream.Seek(bytes, SeekOrigin.Current);
    }

    private static ulong ReadUInt64(BinaryReader reader)
    {
        Span<byte> buffer = stackalloc byte[8];
        reader.BaseStream.ReadExactly(buffer);
        return BinaryPrimitives.ReadUInt64LittleEndian(buffer);
    }
}

using System.Text;

namespace LlmOs.Engine.Tests;

/// <summary>Writes GGUF files field by field, so a test can build a valid header or exactly the corruption it wants.</summary>
internal sealed class GgufWriter : IDisposable
{
    public const uint TypeUInt32 = 4;
    public const uint TypeString = 8;
    public const uint TypeArray = 9;

    private readonly MemoryStream _stream = new();
    private readonly BinaryWriter _writer;

    public GgufWriter() => _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);

    public GgufWriter Header(long tensors, long kvs, int version = 3)
    {
        _writer.Write("GGUF"u8);
        _writer.Write(version);
        _writer.Write(tensors);
        _writer.Write(kvs);
        return this;
    }

    public GgufWriter String(string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        _writer.Write((long)bytes.Length);
        _writer.Write(bytes);
        return this;
    }

    public GgufWriter UInt32(uint value)
    {
        _writer.Write(value);
        return this;
    }

    public GgufWriter Int64(long value)
    {
        _writer.Write(value);
        return this;
    }

    public GgufWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        _writer.Write(bytes);
        return this;
    }

    public GgufWriter KvString(string key, string value) => String(key).UInt32(TypeString).String(value);

    public GgufWriter KvUInt32(string key, uint value) => String(key).UInt32(TypeUInt32).UInt32(value);

    public GgufWriter Tensor(string name, long[] dims, uint type, ulong offset)
    {
        String(name).UInt32((uint)dims.Length);
        foreach (long d in dims)
        {
            _writer.Write(d);
        }

        _writer.Write(type);
        _writer.Write(offset);
        return this;
    }

    public GgufWriter AlignTo(int alignment)
    {
        while (_stream.Length % alignment != 0)
        {
            _writer.Write((byte)0);
        }

        return this;
    }

    public GgufWriter Zeros(int count)
    {
        _writer.Write(new byte[count]);
        return this;
    }

    public string SaveTo(string path)
    {
        _writer.Flush();
        File.WriteAllBytes(path, _stream.ToArray());
        return path;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}

namespace LlmOs.Engine.Models;

public static partial class GgufReader
{
    private enum ValueType : uint
    {
        UInt8 = 0, Int8 = 1, UInt16 = 2, Int16 = 3, UInt32 = 4, Int32 = 5, Float32 = 6, Bool = 7,
        String = 8, Array = 9, UInt64 = 10, Int64 = 11, Float64 = 12,
    }

    // GGUF allows arrays of arrays; nothing real nests deeper than this, and a crafted file must not
    // recurse the reader into a stack overflow.
    private const int MaxArrayDepth = 4;

    /// <summary>Reads one metadata value; values nobody asked for are skipped without being kept.</summary>
    private static object? ReadValue(BinaryReader reader, ValueType type, bool keep, int depth)
    {
        switch (type)
        {
            case ValueType.String:
                if (keep)
                {
                    return ReadString(reader);
                }

                long length = reader.ReadInt64();
                if (length is < 0 or > MaxStringBytes)
                {
                    throw new GgufFormatException($"implausible string length {length} (corrupt header)");
                }

                Skip(reader, length);
                return null;
            case ValueType.Array:
                if (depth >= MaxArrayDepth)
                {
                    throw new GgufFormatException("metadata arrays nest too deeply (corrupt header)");
                }

                var itemType = (ValueType)reader.ReadUInt32();
                long count = CheckCount(reader.ReadInt64(), "array length");
                int fixedSize = FixedSize(itemType);
                if (fixedSize > 0)
                {
                    Skip(reader, fixedSize * count);
                    return null;
                }

                for (long i = 0; i < count; i++)
                {
                    ReadValue(reader, itemType, keep: false, depth + 1);
                }

                return null;
            default:
                int size = FixedSize(type);
                if (size == 0)
                {
                    throw new GgufFormatException($"unknown metadata value type {(uint)type} (corrupt header)");
                }

                return type switch
                {
                    ValueType.UInt8 => reader.ReadByte(),
                    ValueType.Int8 => reader.ReadSByte(),
                    ValueType.UInt16 => reader.ReadUInt16(),
                    ValueType.Int16 => reader.ReadInt16(),
                    ValueType.UInt32 => reader.ReadUInt32(),
                    ValueType.Int32 => reader.ReadInt32(),
                    ValueType.Float32 => reader.ReadSingle(),
                    ValueType.Bool => reader.ReadByte() != 0,
                    ValueType.UInt64 => ReadUInt64(reader),
                    ValueType.Int64 => reader.ReadInt64(),
                    _ => reader.ReadDouble(),
                };
        }
    }

    private static int FixedSize(ValueType type) => type switch
    {
        ValueType.UInt8 or ValueType.Int8 or ValueType.Bool => 1,
        ValueType.UInt16 or ValueType.Int16 => 2,
        ValueType.UInt32 or ValueType.Int32 or ValueType.Float32 => 4,
        ValueType.UInt64 or ValueType.Int64 or ValueType.Float64 => 8,
        _ => 0,
    };
}

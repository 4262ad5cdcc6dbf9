namespace LlmOs.Engine.Models;

public static partial class GgufReader
{
    private readonly record struct TensorInfo(string Name, long Elements, uint Type, ulong Offset);

    // ggml tensor types: (elements per block, bytes per block). Enough to size the common
    // float and quantised formats; an unknown type is only checked for its offset.
    // No real tensor comes near 2^50 elements; the bound keeps every size computation below inside a long.
    private const long MaxTensorElements = 1L << 50;

    private static readonly Dictionary<uint, (int Block, int Bytes)> TypeSizes = new()
    {
        [0] = (1, 4),
        [1] = (1, 2),
        [2] = (32, 18),
        [3] = (32, 20),
        [6] = (32, 22),
        [7] = (32, 24),
        [8] = (32, 34),
        [9] = (32, 36),
        [10] = (256, 84),
        [11] = (256, 110),
        [12] = (256, 144),
        [13] = (256, 176),
        [14] = (256, 210),
        [15] = (256, 292),
        [24] = (1, 1),
        [25] = (1, 2),
        [26] = (1, 4),
        [27] = (1, 8),
        [28] = (1, 8),
        [30] = (1, 2),
    };

    private static readonly Dictionary<uint, string> TypeNames = new()
    {
        [0] = "F32",
        [1] = "F16",
        [2] = "Q4_0",
        [3] = "Q4_1",
        [6] = "Q5_0",
        [7] = "Q5_1",
        [8] = "Q8_0",
        [10] = "Q2_K",
        [11] = "Q3_K",
        [12] = "Q4_K",
        [13] = "Q5_K",
        [14] = "Q6_K",
        [30] = "BF16",
    };

    // llama.cpp's general.file_type values (llama_ftype).
    private static readonly Dictionary<uint, string> FileTypeNames = new()
    {
        [0] = "F32",
        [1] = "F16",
        [2] = "Q4_0",
        [3] = "Q4_1",
        [7] = "Q8_0",
        [8] = "Q5_0",
        [9] = "Q5_1",
        [10] = "Q2_K",
        [11] = "Q3_K_S",
        [12] = "Q3_K_M",
        [13] = "Q3_K_L",
        [14] = "Q4_K_S",
        [15] = "Q4_K_M",
        [16] = "Q5_K_S",
        [17] = "Q5_K_M",
        [18] = "Q6_K",
        [32] = "BF16",
    };

    private static List<TensorInfo> ReadTensorTable(BinaryReader reader, long count)
    {
        var tensors = new List<TensorInfo>((int)Math.Min(count, 4096));
        for (long i = 0; i < count; i++)
        {
            string name = ReadString(reader);
            uint dims = reader.ReadUInt32();
            if (dims is 0 or > 8)
            {
                throw new GgufFormatException($"tensor '{name}' has {dims} dimensions (corrupt header)");
            }

            long elements = 1;
            for (uint d = 0; d < dims; d++)
            {
                long extent = reader.ReadInt64();
                if (extent is < 0 or > (1L << 40))
                {
                    throw new GgufFormatException($"tensor '{name}' has an implausible shape (corrupt header)");
                }

                if (extent > 0 && elements > MaxTensorElements / extent)
                {
                    throw new GgufFormatException($"tensor '{name}' has an implausible shape (corrupt header)");
                }

                elements *= extent;
            }

            tensors.Add(new TensorInfo(name, elements, reader.ReadUInt32(), ReadUInt64(reader)));
        }

        return tensors;
    }

    /// <summary>Returns where the tensor data ends; throws when any tensor lies past the end of the file.</summary>
    private static long CheckTensorsInsideFile(List<TensorInfo> tensors, long dataStart, long fileLength)
    {
        long end = dataStart;
        foreach (var tensor in tensors)
        {
            long size = TypeSizes.TryGetValue(tensor.Type, out var s) ? (tensor.Elements + s.Block - 1) / s.Block * s.Bytes : 0;
            long tensorEnd = dataStart + (long)Math.Min(tensor.Offset, (ulong)long.MaxValue / 2) + size;
            end = Math.Max(end, tensorEnd);
        }

        if (end > fileLength)
        {
            throw new GgufFormatException(
                $"the file is truncated: its tensors need {end:N0} bytes but it has {fileLength:N0}");
        }

        return end;
    }

    private static string? QuantizationName(object? fileType, List<TensorInfo> tensors)
    {
        if (fileType is uint ft && FileTypeNames.TryGetValue(ft, out var name))
        {
            return name;
        }

        // No (known) file type: name the type that holds most of the weights.
        var dominant = tensors.GroupBy(t => t.Type).OrderByDescending(g => g.Sum(t => t.Elements)).FirstOrDefault();
        return dominant is null ? null : TypeNames.GetValueOrDefault(dominant.Key, $"type {dominant.Key}");
    }
}

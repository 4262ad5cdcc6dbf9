using System.Buffers.Binary;
using System.Text;

namespace LlmOs.Engine.Vision.Tests.Decoding;

/// <summary>Files SkiaSharp cannot make (it encodes neither GIF nor BMP) or must not make (a lying PNG), written byte by byte.</summary>
internal static class HandMadeImages
{
    /// <summary>A PNG whose header declares <paramref name="width"/> × <paramref name="height"/> RGB pixels, with a token IDAT.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bits per sample
        header[9] = 2;  // RGB
        byte[] emptyZlib = [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01];
        return [137, 80, 78, 71, 13, 10, 26, 10, .. PngChunk("IHDR", header), .. PngChunk("IDAT", emptyZlib), .. PngChunk("IEND", [])];
    }

    /// <summary>
    /// A GIF89a of 4 colours, one frame per array of colour indices (each <paramref name="width"/> × <paramref name="height"/>).
    /// The LZW data sends a clear code before every pair of pixels, so the code width never grows past 3 bits.
    /// </summary>
    public static byte[] Gif(int width, int height, (byte R, byte G, byte B)[] palette, params byte[][] frames)
    {
        var gif = new List<byte>();
        gif.AddRange(Encoding.ASCII.GetBytes("GIF89a"));
        gif.AddRange(LittleEndian16(width));
        gif.AddRange(LittleEndian16(height));
        gif.AddRange([0x91, 0, 0]);  // global colour table of 4 entries, background 0, square pixels
        for (int i = 0; i < 4; i++)
        {
            gif.AddRange([palette[i].R, palette[i].G, palette[i].B]);
        }

        foreach (byte[] indices in frames)
        {
            gif.AddRange([0x21, 0xF9, 0x04, 0x00, 10, 0, 0, 0]);  // graphic control: 0.1 s, no transparency
            gif.Add(0x2C);
            gif.AddRange([0, 0, 0, 0]);
            gif.AddRange(LittleEndian16(width));
            gif.AddRange(LittleEndian16(height));
            gif.Add(0);  // no local colour table, not interlaced
            gif.Add(2);  // LZW minimum code size
            byte[] lzw = Lzw(indices);
            for (int at = 0; at < lzw.Length; at += 255)
            {
                int length = Math.Min(255, lzw.Length - at);
                gif.Add((byte)length);
                gif.AddRange(lzw.AsSpan(at, length));
            }

            gif.Add(0);
        }

        gif.Add(0x3B);
        return [.. gif];
    }

    /// <summary>A 24-bit BMP (bottom-up rows of B, G, R padded to 4 bytes) of <paramref name="image"/>.</summary>
    public static byte[] Bmp(RgbImage image)
    {
        int rowBytes = ((image.Width * 3) + 3) & ~3;
        int size = 54 + (rowBytes * image.Height);
        var bmp = new byte[size];
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), size);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), image.Width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), image.Height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(34), rowBytes * image.Height);
        for (int y = 0; y < image.Height; y++)
        {
            int row = 54 + ((image.Height - 1 - y) * rowBytes);
            for (int x = 0; x < image.Width; x++)
            {
                int p = ((y * image.Width) + x) * 3;
                bmp[row + (x * 3)] = image.Pixels[p + 2];
                bmp[row + (x * 3) + 1] = image.Pixels[p + 1];
                bmp[row + (x * 3) + 2] = image.Pixels[p];
            }
        }

        return bmp;
    }

    private static byte[] PngChunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typed));
        return chunk;
    }

    /// <summary>PNG's CRC-32 (ISO 3309, reflected, polynomial 0xEDB88320) over the chunk type and data.</summary>
    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFF;
    }

    private static byte[] Lzw(byte[] indices)
    {
        const int Clear = 4;
        const int End = 5;
        var bits = new List<bool>();
        void Emit(int code)
        {
            for (int b = 0; b < 3; b++)
            {
                bits.Add(((code >> b) & 1) != 0);
            }
        }

        // After a clear the first code adds no table entry and the second adds entry 6: the table stays below 8 codes.
        for (int i = 0; i < indices.Length; i += 2)
        {
            Emit(Clear);
            Emit(indices[i]);
            if (i + 1 < indices.Length)
            {
                Emit(indices[i + 1]);
            }
        }

        Emit(End);
        var bytes = new byte[(bits.Count + 7) / 8];
        for (int i = 0; i < bits.Count; i++)
        {
            if (bits[i])
            {
                bytes[i / 8] |= (byte)(1 << (i % 8));
            }
        }

        return bytes;
    }

    private static byte[] LittleEndian16(int value) => [(byte)value, (byte)(value >> 8)];
}

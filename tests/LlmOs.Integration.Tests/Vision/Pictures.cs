using System.Buffers.Binary;
using System.Text;
using LlmOs.Integration.Tests.Infrastructure;
using SkiaSharp;

namespace LlmOs.Integration.Tests.Vision;

/// <summary>
/// The image files the vision tests send: the shared photos, text rendered here in DejaVu Sans (Debian's
/// fonts-dejavu-core), and bad files made on purpose (random bytes, a cut JPEG, a PNG that declares 10^10 pixels).
/// </summary>
internal static class Pictures
{
    public const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Three lines, each a different sentence so that their order shows.</summary>
    public static readonly string[] ThreeLines =
    [
        "The quick brown fox jumps over the lazy dog.",
        "Pack my box with five dozen liquor jugs.",
        "Sphinx of black quartz, judge my vow now.",
    ];

    public static string ThreeLinesText => string.Join('\n', ThreeLines);

    public static string Photo(string name) => Path.Combine(TestPaths.Models, "photos", name);

    public static byte[] Eagle { get; } = File.ReadAllBytes(Photo("eagle.jpg"));

    /// <summary>The lines, black on white, left-aligned, as a PNG file.</summary>
    public static byte[] TextPng(IReadOnlyList<string> lines, int width = 1000, int height = 260, float textSize = 32, float lineHeight = 56)
    {
        using var typeface = SKTypeface.FromFile(FontPath)
            ?? throw new InvalidOperationException($"{FontPath} is missing: install the Debian package fonts-dejavu-core");
        using var font = new SKFont(typeface, textSize);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        for (int i = 0; i < lines.Count; i++)
        {
            surface.Canvas.DrawText(lines[i], 40, 40 + textSize + (i * lineHeight), SKTextAlign.Left, font, paint);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A photo made smaller (<paramref name="side"/> pixels square) and saved as PNG: a file small enough for a gdbus command line.</summary>
    public static byte[] SmallPng(byte[] photo, int side) => Smaller(photo, side, SKEncodedImageFormat.Png);

    /// <summary>A photo made smaller and saved as JPEG: few bytes for its pixels.</summary>
    public static byte[] SmallJpeg(byte[] photo, int side) => Smaller(photo, side, SKEncodedImageFormat.Jpeg);

    private static byte[] Smaller(byte[] photo, int side, SKEncodedImageFormat format)
    {
        using var original = SKBitmap.Decode(photo);
        using var small = original.Resize(new SKImageInfo(side, side), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        using var image = SKImage.FromBitmap(small);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>Bytes that are no image at all (what a file named .jpg may hold).</summary>
    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The first half of a JPEG: a valid start, then nothing.</summary>
    public static byte[] TruncatedJpeg => Eagle[..(Eagle.Length / 2)];

    /// <summary>
    /// A valid PNG header that declares <paramref name="width"/> × <paramref name="height"/> pixels (RGB, 8 bits), with a
    /// tiny IDAT and IEND: a decompression bomb's shape, refused from the header alone.
    /// </summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        Chunk(file, "IHDR", header);
        Chunk(file, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        file.Write(number);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        file.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        file.Write(number);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}

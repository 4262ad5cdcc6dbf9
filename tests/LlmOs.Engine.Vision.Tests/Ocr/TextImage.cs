using LlmOs.Engine.Vision;
using SkiaSharp;

namespace LlmOs.Engine.Vision.Tests.Ocr;

/// <summary>Renders known text, black on white, in Debian's DejaVu Sans (package fonts-dejavu-core) into an RgbImage.</summary>
internal static class TextImage
{
    public const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Three lines of 37 to 44 characters, each a different sentence so that their order shows.</summary>
    public static readonly string[] ThreeLines =
    [
        "The quick brown fox jumps over the lazy dog.",
        "Pack my box with five dozen liquor jugs.",
        "Sphinx of black quartz, judge my vow now.",
    ];

    /// <summary>One line per entry of <paramref name="lines"/>, left-aligned at a margin, <paramref name="lineHeight"/> apart.</summary>
    public static RgbImage Render(IReadOnlyList<string> lines, int width, int height, float textSize = 32, float lineHeight = 56)
    {
        using var typeface = SKTypeface.FromFile(FontPath)
            ?? throw new InvalidOperationException($"{FontPath} is missing: install the Debian package fonts-dejavu-core");
        using var font = new SKFont(typeface, textSize);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            for (int i = 0; i < lines.Count; i++)
            {
                canvas.DrawText(lines[i], 40, 40 + textSize + (i * lineHeight), SKTextAlign.Left, font, paint);
            }
        }

        return ToRgb(bitmap);
    }

    /// <summary>An image with nothing on it.</summary>
    public static RgbImage Blank(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        Array.Fill(pixels, (byte)255);
        return new RgbImage(width, height, pixels);
    }

    private static RgbImage ToRgb(SKBitmap bitmap)
    {
        ReadOnlySpan<byte> rgba = bitmap.GetPixelSpan();
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        for (int source = 0, target = 0; target < rgb.Length; source += 4, target += 3)
        {
            rgb[target] = rgba[source];
            rgb[target + 1] = rgba[source + 1];
            rgb[target + 2] = rgba[source + 2];
        }

        return new RgbImage(bitmap.Width, bitmap.Height, rgb);
    }
}

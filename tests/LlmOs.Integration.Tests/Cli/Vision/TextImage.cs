using SkiaSharp;

namespace LlmOs.Integration.Tests.Cli.Vision;

/// <summary>Known text rendered into a PNG (black DejaVu Sans on white), for OCR tests that know what the image says.</summary>
internal static class TextImage
{
    public const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    public static readonly string[] Sample = ["The quick brown fox jumps", "over the lazy dog 1234", "Vision for llmos"];

    public static byte[] RenderPng(IReadOnlyList<string> lines, float textSize = 40)
    {
        using var typeface = SKTypeface.FromFile(FontPath) ?? throw new FileNotFoundException("the test font is missing", FontPath);
        using var font = new SKFont(typeface, textSize);
        const int margin = 40;
        float lineHeight = textSize * 1.6f;
        int width = (int)Math.Ceiling(lines.Max(line => font.MeasureText(line))) + (2 * margin);
        int height = (int)Math.Ceiling(lines.Count * lineHeight) + (2 * margin);

        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true })
        {
            canvas.Clear(SKColors.White);
            for (int i = 0; i < lines.Count; i++)
            {
                canvas.DrawText(lines[i], margin, margin + textSize + (i * lineHeight), SKTextAlign.Left, font, paint);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>The number of single-character edits between what OCR read and what was drawn, whitespace runs counted as one space.</summary>
    public static int EditDistance(string read, IReadOnlyList<string> drawn)
    {
        string a = Normalise(read);
        string b = Normalise(string.Join('\n', drawn));
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

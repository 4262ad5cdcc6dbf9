using System.Globalization;
using SkiaSharp;

namespace LlmOs.Bench;

public static partial class VisionBench
{
    /// <summary>
    /// A full-HD "screenshot" rendered for the OCR figures: a dark title bar, a menu bar and a terminal's worth of
    /// monospaced lines on white, as a PNG; <see cref="Text"/> is what was drawn, line by line.
    /// </summary>
    public sealed record Screenshot(byte[] Png, int Width, int Height, string Text, int Lines)
    {
        public const string FontDirectory = "/usr/share/fonts/truetype/dejavu";
        private const int BodyLines = 38;

        public int Characters => Text.Count(c => !char.IsWhiteSpace(c));

        public static Screenshot Render(int width = 1920, int height = 1080)
        {
            string title = "Terminal - llmos@desktop: ~/projects/llmos/bench";
            string menu = "File    Edit    View    Search    Terminal    Tabs    Help";
            var body = Enumerable.Range(0, BodyLines).Select(BodyLine).ToArray();

            using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
            using (var canvas = new SKCanvas(bitmap))
            {
                using var sans = Typeface("DejaVuSans.ttf");
                using var sansBold = Typeface("DejaVuSans-Bold.ttf");
                using var mono = Typeface("DejaVuSansMono.ttf");
                using var titleFont = new SKFont(sansBold, 20);
                using var menuFont = new SKFont(sans, 18);
                using var bodyFont = new SKFont(mono, 18);
                using var fill = new SKPaint { IsAntialias = true };

                canvas.Clear(SKColors.White);
                fill.Color = new SKColor(0x2b, 0x2b, 0x2b);
                canvas.DrawRect(0, 0, width, 44, fill);
                fill.Color = SKColors.White;
                canvas.DrawText(title, 24, 29, SKTextAlign.Left, titleFont, fill);

                fill.Color = new SKColor(0xe6, 0xe6, 0xe6);
                canvas.DrawRect(0, 44, width, 36, fill);
                fill.Color = new SKColor(0x20, 0x20, 0x20);
                canvas.DrawText(menu, 24, 68, SKTextAlign.Left, menuFont, fill);

                fill.Color = SKColors.Black;
                for (int i = 0; i < body.Length; i++)
                {
                    canvas.DrawText(body[i], 24, 112 + (i * 25), SKTextAlign.Left, bodyFont, fill);
                }
            }

            using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100)
                ?? throw new InvalidOperationException("SkiaSharp could not encode the screenshot as PNG");
            return new Screenshot(png.ToArray(), width, height, string.Join('\n', [title, menu, .. body]), body.Length + 2);
        }

        private static SKTypeface Typeface(string file)
        {
            string path = Path.Combine(FontDirectory, file);
            return File.Exists(path)
                ? SKTypeface.FromFile(path) ?? throw new InvalidOperationException($"SkiaSharp cannot read the font {path}")
                : throw new FileNotFoundException($"the OCR screenshot needs the font {path} (Debian's fonts-dejavu-core)");
        }

        /// <summary>Terminal-like lines: logs, a listing, commands and prose, with numbers, paths and punctuation.</summary>
        private static string BodyLine(int i)
        {
            string[] labels = ["bald eagle", "golden retriever", "giraffe", "sorrel", "umbrella", "laptop", "coffee mug"];
            string time = new TimeSpan(9, 12, 0).Add(TimeSpan.FromSeconds(i * 37)).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
            return (i % 6) switch
            {
                0 => $"{time} info llmosd[4127]: classified photo_{i:000}.jpg as {labels[i % labels.Length]} in {12 + (i * 7 % 30)} ms",
                1 => $"-rw-r--r-- 1 user user {1024 + (i * 7919 % 90000),8} May {1 + (i % 28),2} {time[..5]} report-{2020 + (i % 6)}-q{1 + (i % 4)}.pdf",
                2 => $"$ llmosctl image ocr ~/Pictures/screenshot-{i:00}.png --language eng",
                3 => $"The quick brown fox jumps over the lazy dog; line {i} of the terminal holds plain English words.",
                4 => $"{time} warn scheduler: queue depth {i % 9} for model mobilenetv2-12-int8 (batch {1 + (i % 16)} of 16)",
                _ => $"Meeting notes {i / 6 + 1}: move the release to Tuesday, check memory use, and update the README.",
            };
        }
    }
}

using SkiaSharp;

namespace LlmOs.Engine.Vision.Tests.Decoding;

public sealed class SkiaImageDecoderTests
{
    private readonly SkiaImageDecoder _decoder = new();

    [Theory]
    [InlineData("eagle.jpg", 773, 512)]
    [InlineData("dog.jpg", 768, 576)]
    [InlineData("giraffe.jpg", 500, 500)]
    public void A_real_photo_decodes_to_its_size_in_RGB(string photo, int width, int height)
    {
        var image = _decoder.Decode(File.ReadAllBytes(TestMedia.Photo(photo)), ImageLimits.Default);

        Assert.Equal(width, image.Width);
        Assert.Equal(height, image.Height);
        Assert.Equal(width * height * 3, image.Pixels.Length);

        // A photograph, not a blank: many distinct colours.
        var colours = new HashSet<int>();
        for (int p = 0; p < image.Pixels.Length; p += 3)
        {
            colours.Add((image.Pixels[p] << 16) | (image.Pixels[p + 1] << 8) | image.Pixels[p + 2]);
        }

        Assert.True(colours.Count > 1000, $"{colours.Count} colours");
    }

    [Fact]
    public void A_PNG_decodes_to_exactly_its_pixels()
    {
        var original = Pattern(37, 23);

        var decoded = _decoder.Decode(EncodedImages.Encode(original, SKEncodedImageFormat.Png), ImageLimits.Default);

        Assert.Equal((original.Width, original.Height), (decoded.Width, decoded.Height));
        Assert.Equal(original.Pixels, decoded.Pixels);
    }

    [Fact]
    public void A_lossless_WebP_decodes_to_exactly_its_pixels()
    {
        var original = Pattern(20, 31);
        using var bitmap = EncodedImages.ToBitmap(original);
        using var pixmap = bitmap.PeekPixels();
        using var webp = pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100));

        var decoded = _decoder.Decode(webp!.ToArray(), ImageLimits.Default);

        Assert.Equal(original.Pixels, decoded.Pixels);
    }

    [Fact]
    public void A_BMP_decodes_to_exactly_its_pixels()
    {
        var original = Pattern(13, 7); // 39 bytes a row: the rows are padded

        var decoded = _decoder.Decode(HandMadeImages.Bmp(original), ImageLimits.Default);

        Assert.Equal((13, 7), (decoded.Width, decoded.Height));
        Assert.Equal(original.Pixels, decoded.Pixels);
    }

    [Fact]
    public void An_animated_GIF_decodes_to_its_first_frame()
    {
        (byte, byte, byte)[] palette = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)];
        byte[] first = [0, 1, 2, 3, 3, 2, 1, 0, 0, 0, 1, 1];  // 4 x 3
        byte[] second = [.. Enumerable.Repeat((byte)3, 12)];

        var decoded = _decoder.Decode(HandMadeImages.Gif(4, 3, palette, first, second), ImageLimits.Default);

        Assert.Equal((4, 3), (decoded.Width, decoded.Height));
        byte[] expected = [.. first.SelectMany(i => new[] { palette[i].Item1, palette[i].Item2, palette[i].Item3 })];
        Assert.Equal(expected, decoded.Pixels);
    }

    [Fact]
    public void Transparent_pixels_come_out_as_over_white()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(3, 1, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.SetPixel(0, 0, new SKColor(10, 20, 30, 255));  // opaque: as it is
        bitmap.SetPixel(1, 0, new SKColor(0, 0, 0, 0));       // transparent: white
        bitmap.SetPixel(2, 0, new SKColor(255, 0, 0, 128));   // half red over white: pink

        var decoded = _decoder.Decode(EncodedImages.Encode(bitmap, SKEncodedImageFormat.Png), ImageLimits.Default);

        Assert.Equal(new byte[] { 10, 20, 30 }, decoded.Pixels[..3]);
        Assert.Equal(new byte[] { 255, 255, 255 }, decoded.Pixels[3..6]);
        Assert.Equal(255, decoded.Pixels[6]);
        Assert.InRange(decoded.Pixels[7], 125, 129);
        Assert.InRange(decoded.Pixels[8], 125, 129);
    }

    /// <summary>A deterministic image in which every pixel differs from its neighbours.</summary>
    internal static RgbImage Pattern(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int p = ((y * width) + x) * 3;
                pixels[p] = (byte)(x * 7);
                pixels[p + 1] = (byte)(y * 11);
                pixels[p + 2] = (byte)((x * 13) + (y * 5));
            }
        }

        return new RgbImage(width, height, pixels);
    }
}

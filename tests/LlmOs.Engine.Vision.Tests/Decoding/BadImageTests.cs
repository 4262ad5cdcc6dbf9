using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Vision.Tests.Decoding;

/// <summary>What a client may send instead of an image: each is refused with its kind, and nothing else is thrown.</summary>
public sealed class BadImageTests
{
    private readonly SkiaImageDecoder _decoder = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_are_unsupported_media(int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[4096];
        random.NextBytes(bytes);

        var e = Assert.Throws<EngineException>(() => _decoder.Decode(bytes, ImageLimits.Default));

        Assert.Equal(ErrorKind.UnsupportedMedia, e.Kind);
        Assert.Contains("not an image of a known format", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_only_a_WBMP_reader_would_take_are_unsupported_media()
    {
        // WBMP has no magic number: two zero bytes and two small numbers make one, for Skia. It is not served.
        byte[] bytes = [0, 0, 8, 8, .. new byte[8]];

        var e = Assert.Throws<EngineException>(() => _decoder.Decode(bytes, ImageLimits.Default));

        Assert.Equal(ErrorKind.UnsupportedMedia, e.Kind);
    }

    [Fact]
    public void Empty_data_is_unsupported_media()
    {
        var e = Assert.Throws<EngineException>(() => _decoder.Decode([], ImageLimits.Default));

        Assert.Equal(ErrorKind.UnsupportedMedia, e.Kind);
    }

    [Theory]
    [InlineData("eagle.jpg", 2)]
    [InlineData("dog.jpg", 2)]
    [InlineData("eagle.jpg", 10)]
    public void A_truncated_JPEG_is_unsupported_media_not_a_grey_picture(string photo, int fraction)
    {
        byte[] whole = File.ReadAllBytes(TestMedia.Photo(photo));

        var e = Assert.Throws<EngineException>(() => _decoder.Decode(whole.AsSpan(0, whole.Length / fraction), ImageLimits.Default));

        Assert.Equal(ErrorKind.UnsupportedMedia, e.Kind);
        Assert.Contains("truncated or corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_PNG_is_unsupported_media()
    {
        byte[] png = EncodedImages.Encode(SkiaImageDecoderTests.Pattern(64, 64), SkiaSharp.SKEncodedImageFormat.Png);

        var e = Assert.Throws<EngineException>(() => _decoder.Decode(png.AsSpan(0, png.Length * 2 / 3), ImageLimits.Default));

        Assert.Equal(ErrorKind.UnsupportedMedia, e.Kind);
    }

    [Fact]
    public void A_PNG_declaring_100000_by_100000_pixels_is_too_large_before_any_pixel_is_decoded()
    {
        // 10^10 pixels: decoding would need 40 GB. The refusal comes from the header alone.
        byte[] bomb = HandMadeImages.PngDeclaring(100_000, 100_000);

        var e = Assert.Throws<EngineException>(() => _decoder.Decode(bomb, ImageLimits.Default));

        Assert.Equal(ErrorKind.TooLarge, e.Kind);
        Assert.Contains("100000x100000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_over_the_pixel_limit_is_too_large_and_one_at_it_decodes()
    {
        byte[] png = EncodedImages.Encode(SkiaImageDecoderTests.Pattern(40, 25), SkiaSharp.SKEncodedImageFormat.Png);

        var e = Assert.Throws<EngineException>(() => _decoder.Decode(png, new ImageLimits(1 << 20, 999)));
        var image = _decoder.Decode(png, new ImageLimits(1 << 20, 1000));

        Assert.Equal(ErrorKind.TooLarge, e.Kind);
        Assert.Equal(1000, image.PixelCount);
    }

    [Fact]
    public void Data_over_the_byte_limit_is_too_large_and_data_at_it_decodes()
    {
        byte[] jpeg = File.ReadAllBytes(TestMedia.Photo("eagle.jpg"));

        var e = Assert.Throws<EngineException>(() => _decoder.Decode(jpeg, new ImageLimits(jpeg.Length - 1, 50_000_000)));
        var image = _decoder.Decode(jpeg, new ImageLimits(jpeg.Length, 50_000_000));

        Assert.Equal(ErrorKind.TooLarge, e.Kind);
        Assert.Equal(773, image.Width);
    }

    [Fact]
    public void A_JPEG_with_its_middle_overwritten_is_refused_or_decoded_but_never_throws_anything_else()
    {
        byte[] jpeg = File.ReadAllBytes(TestMedia.Photo("dog.jpg"));
        var random = new Random(5);
        for (int round = 0; round < 20; round++)
        {
            byte[] damaged = (byte[])jpeg.Clone();
            random.NextBytes(damaged.AsSpan(random.Next(2, damaged.Length / 2), 64));
            try
            {
                var image = _decoder.Decode(damaged, ImageLimits.Default);
                Assert.Equal(image.Width * image.Height * 3, image.Pixels.Length);
            }
            catch (EngineException e)
            {
                Assert.True(e.Kind is ErrorKind.UnsupportedMedia or ErrorKind.TooLarge, e.Kind.ToString());
            }
        }
    }
}

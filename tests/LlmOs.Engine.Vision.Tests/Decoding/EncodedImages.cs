using SkiaSharp;

namespace LlmOs.Engine.Vision.Tests.Decoding;

/// <summary>Images made in the test with SkiaSharp's encoders, and JPEGs given an EXIF orientation.</summary>
internal static class EncodedImages
{
    /// <summary>An opaque bitmap with the pixels of <paramref name="image"/>.</summary>
    public static SKBitmap ToBitmap(RgbImage image)
    {
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = bitmap.GetPixelSpan();
        for (int p = 0; p < image.Width * image.Height; p++)
        {
            rgba[p * 4] = image.Pixels[p * 3];
            rgba[(p * 4) + 1] = image.Pixels[(p * 3) + 1];
            rgba[(p * 4) + 2] = image.Pixels[(p * 3) + 2];
            rgba[(p * 4) + 3] = 255;
        }

        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 95)
    {
        using var data = bitmap.Encode(format, quality) ?? throw new InvalidOperationException($"SkiaSharp does not encode {format}");
        return data.ToArray();
    }

    public static byte[] Encode(RgbImage image, SKEncodedImageFormat format, int quality = 95)
    {
        using var bitmap = ToBitmap(image);
        return Encode(bitmap, format, quality);
    }

    /// <summary>
    /// <paramref name="jpeg"/> with an EXIF APP1 segment right after its start-of-image marker that holds one tag,
    /// Orientation (0x0112) = <paramref name="orientation"/>, in a big-endian TIFF structure.
    /// </summary>
    public static byte[] WithExifOrientation(byte[] jpeg, int orientation)
    {
        if (jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw new ArgumentException("not a JPEG", nameof(jpeg));
        }

        byte[] app1 =
        [
            0xFF, 0xE1, 0x00, 34,                     // APP1, length 34 (itself included)
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A,          // TIFF, big-endian
            0x00, 0x00, 0x00, 0x08,                    // first IFD at offset 8
            0x00, 0x01,                                // one entry
            0x01, 0x12, 0x00, 0x03,                    // Orientation, SHORT
            0x00, 0x00, 0x00, 0x01,                    // one value
            0x00, (byte)orientation, 0x00, 0x00,       // the value, left-justified
            0x00, 0x00, 0x00, 0x00,                    // no next IFD
        ];
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    /// <summary>The image turned a quarter: clockwise, or counter-clockwise.</summary>
    public static RgbImage Rotate(RgbImage image, bool clockwise)
    {
        int w = image.Width;
        int h = image.Height;
        var pixels = new byte[w * h * 3];
        for (int y = 0; y < w; y++)
        {
            for (int x = 0; x < h; x++)
            {
                // Clockwise: the result's row y is the source's column y read bottom to top.
                (int sx, int sy) = clockwise ? (y, h - 1 - x) : (w - 1 - y, x);
                image.Pixels.AsSpan(((sy * w) + sx) * 3, 3).CopyTo(pixels.AsSpan(((y * h) + x) * 3));
            }
        }

        return new RgbImage(h, w, pixels);
    }

    /// <summary>The image mirrored left to right.</summary>
    public static RgbImage Mirror(RgbImage image)
    {
        var pixels = new byte[image.Pixels.Length];
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                image.Pixels.AsSpan(((y * image.Width) + image.Width - 1 - x) * 3, 3).CopyTo(pixels.AsSpan(((y * image.Width) + x) * 3));
            }
        }

        return new RgbImage(image.Width, image.Height, pixels);
    }
}

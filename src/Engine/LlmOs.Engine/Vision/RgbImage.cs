namespace LlmOs.Engine.Vision;

/// <summary>
/// A decoded image as every vision stage takes it: 8-bit RGB, three bytes per pixel, rows top to bottom with no padding
/// (<c>stride = Width * 3</c>), already turned upright by its EXIF orientation. Images are decoded once, at the boundary
/// (<see cref="IImageDecoder"/>); the engine never sees file bytes.
/// </summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.LongLength != (long)width * height * 3)
        {
            throw new ArgumentException($"{width}x{height} RGB needs {(long)width * height * 3} bytes, not {pixels.LongLength}", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>R, G, B of each pixel, row by row.</summary>
    public byte[] Pixels { get; }

    public int Stride => Width * 3;

    public long PixelCount => (long)Width * Height;
}

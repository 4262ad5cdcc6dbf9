namespace LlmOs.Engine.Vision;

/// <summary>
/// What an image may weigh: <see cref="MaxBytes"/> of encoded data and <see cref="MaxPixels"/> once decoded. The pixel
/// count is read from the header and checked before any pixel is decoded, so a small file that declares a huge image
/// (a decompression bomb) is refused without the memory it asks for.
/// </summary>
public sealed record ImageLimits(long MaxBytes, long MaxPixels)
{
    /// <summary>32 MB of file and 50 megapixels (a 8K photograph is 33): generous for photos and screenshots.</summary>
    public static ImageLimits Default { get; } = new(32L << 20, 50_000_000);
}

namespace LlmOs.Engine.Vision;

/// <summary>
/// Turns an encoded image (JPEG, PNG, WebP, BMP, GIF's first frame) into an upright <see cref="RgbImage"/>.
/// Throws <see cref="Errors.EngineException"/>: <see cref="Errors.ErrorKind.UnsupportedMedia"/> for data that is not an
/// image of a known format or is truncated or corrupt, <see cref="Errors.ErrorKind.TooLarge"/> for data or a declared size
/// over the limits passed. Never anything else for bad input.
/// </summary>
public interface IImageDecoder
{
    RgbImage Decode(ReadOnlySpan<byte> data, ImageLimits limits);
}

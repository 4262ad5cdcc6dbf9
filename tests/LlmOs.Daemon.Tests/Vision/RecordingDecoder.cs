using LlmOs.Engine.Errors;
using LlmOs.Engine.Vision;

namespace LlmOs.Daemon.Tests.Vision;

/// <summary>
/// An in-memory <see cref="IImageDecoder"/> (our own seam): data that starts with "IMG" is a 2×1 image, anything else is
/// not an image. It records what it was given, so tests can tell that a refusal came before any decoding.
/// </summary>
internal sealed class RecordingDecoder : IImageDecoder
{
    public List<byte[]> Decoded { get; } = [];

    public ImageLimits? LastLimits { get; private set; }

    public RgbImage Decode(ReadOnlySpan<byte> data, ImageLimits limits)
    {
        Decoded.Add(data.ToArray());
        LastLimits = limits;
        return data.StartsWith("IMG"u8)
            ? new RgbImage(2, 1, [1, 2, 3, 4, 5, 6])
            : throw new EngineException(ErrorKind.UnsupportedMedia, "not an image of a known format");
    }
}

using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Vision;

/// <summary>Placeholder: the vision helper replaces it with SkiaSharp decoding.</summary>
public sealed class SkiaImageDecoder : IImageDecoder
{
    public RgbImage Decode(ReadOnlySpan<byte> data, ImageLimits limits) =>
        throw new EngineException(ErrorKind.Unsupported, "image decoding is not built yet");
}

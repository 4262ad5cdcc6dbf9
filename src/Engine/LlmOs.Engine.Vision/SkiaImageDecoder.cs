using System.Runtime.InteropServices;
using LlmOs.Engine.Errors;
using SkiaSharp;

namespace LlmOs.Engine.Vision;

/// <summary>
/// Decodes JPEG, PNG, WebP, BMP and GIF (its first frame) with SkiaSharp into an upright <see cref="RgbImage"/>.
/// The limits are checked before any pixel is decoded: the byte count first, then the size the header declares, so a
/// small file that asks for gigabytes (a decompression bomb) costs nothing. Pixels are decoded once into one native
/// RGBA buffer (converted to sRGB, alpha premultiplied) and copied once into the <see cref="RgbImage"/>, turned upright
/// on the way by the EXIF orientation.
/// </summary>
public sealed class SkiaImageDecoder : IImageDecoder
{
    public RgbImage Decode(ReadOnlySpan<byte> data, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (data.IsEmpty)
        {
            throw new EngineException(ErrorKind.UnsupportedMedia, "the image is empty (0 bytes)");
        }

        if (data.Length > limits.MaxBytes)
        {
            throw new EngineException(ErrorKind.TooLarge, $"the image is {data.Length} bytes; at most {limits.MaxBytes} are accepted");
        }

        try
        {
            return DecodePinned(data, limits);
        }
        catch (Exception e) when (e is not (EngineException or OutOfMemoryException or DllNotFoundException or TypeInitializationException))
        {
            // Whatever Skia's managed layer throws about a file is about the file: the client sent something broken.
            throw new EngineException(ErrorKind.UnsupportedMedia, $"the image could not be decoded: {e.Message}");
        }
    }

    private static unsafe RgbImage DecodePinned(ReadOnlySpan<byte> data, ImageLimits limits)
    {
        fixed (byte* encoded = data)
        {
            // SKData.Create over a pointer wraps the bytes without copying them; the codec that reads them lives only
            // inside this block, while they are pinned.
            using var skData = SKData.Create((IntPtr)encoded, data.Length);
            using var codec = SKCodec.Create(skData);
            if (codec is null || !IsServedFormat(codec.EncodedFormat))
            {
                throw new EngineException(ErrorKind.UnsupportedMedia, "not an image of a known format (JPEG, PNG, WebP, BMP, GIF)");
            }

            var declared = codec.Info;
            long pixels = (long)declared.Width * declared.Height;
            if (declared.Width <= 0 || declared.Height <= 0)
            {
                throw new EngineException(ErrorKind.UnsupportedMedia, $"the {Name(codec.EncodedFormat)} image declares no pixels ({declared.Width}x{declared.Height})");
            }

            // RGBA while decoding: the count must also fit one buffer Span can address.
            if (pixels > limits.MaxPixels || pixels * 4 > Array.MaxLength)
            {
                throw new EngineException(
                    ErrorKind.TooLarge,
                    $"the image is {declared.Width}x{declared.Height} = {pixels} pixels; at most {Math.Min(limits.MaxPixels, Array.MaxLength / 4)} are accepted");
            }

            return DecodePixels(codec, declared.Width, declared.Height);
        }
    }

    private static unsafe RgbImage DecodePixels(SKCodec codec, int width, int height)
    {
        // Premultiplied so that transparent parts come out as over a white page (see UprightRgb), in sRGB whatever
        // profile the file carries: the models were trained on sRGB photos.
        var target = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        int bytes = width * height * 4;

        // Native, not a managed array: up to 200 MB that live for one call should not wait for a gen-2 collection.
        byte* rgba = (byte*)NativeMemory.Alloc((nuint)bytes);
        try
        {
            var result = codec.GetPixels(target, (IntPtr)rgba, target.RowBytes, new SKCodecOptions(0));
            if (result != SKCodecResult.Success)
            {
                // IncompleteInput (a truncated file) would leave the missing rows blank: refused, not guessed.
                throw new EngineException(ErrorKind.UnsupportedMedia, $"the {Name(codec.EncodedFormat)} image is truncated or corrupt ({result})");
            }

            bool opaque = codec.Info.AlphaType == SKAlphaType.Opaque;
            return UprightRgb.FromPremultipliedRgba(new ReadOnlySpan<byte>(rgba, bytes), width, height, codec.EncodedOrigin, opaque);
        }
        finally
        {
            NativeMemory.Free(rgba);
        }
    }

    /// <summary>
    /// The five formats the API names. Skia knows more (WBMP, ICO, raw camera files…); WBMP in particular has no magic
    /// number and takes most data that starts with two zero bytes for an image, so anything else is refused.
    /// </summary>
    private static bool IsServedFormat(SKEncodedImageFormat format) =>
        format is SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp
            or SKEncodedImageFormat.Bmp or SKEncodedImageFormat.Gif;

    private static string Name(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "JPEG",
        SKEncodedImageFormat.Png => "PNG",
        SKEncodedImageFormat.Webp => "WebP",
        SKEncodedImageFormat.Bmp => "BMP",
        SKEncodedImageFormat.Gif => "GIF",
        _ => format.ToString(),
    };
}

using System.Buffers;
using LlmOs.Daemon.Configuration;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Vision;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// Images where they enter, whatever brought them (a raw body, base64 in a JSON field, D-Bus bytes or a file descriptor):
/// checked against <c>MaxImageBytes</c> and <c>MaxImagePixels</c> and decoded once into the <see cref="RgbImage"/> the
/// engine takes. Every way the data can be wrong becomes an <see cref="EngineException"/> that names the field.
/// </summary>
internal sealed class ImageInput(DaemonSettings settings, IImageDecoder decoder)
{
    public long MaxBytes => settings.MaxImageBytes;

    public ImageLimits Limits { get; } = new(settings.MaxImageBytes, settings.MaxImagePixels);

    /// <summary>
    /// The base64 text's size is checked before anything is decoded (its decoded length is known from its length), and
    /// the bytes go into a pooled buffer that is handed back as soon as the pixels are out.
    /// </summary>
    public RgbImage FromBase64(string base64, string field)
    {
        if (base64.Length == 0)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"'{field}' is empty: send the image file's bytes in base64", field);
        }

        long most = MaxDecodedLength(base64);
        if (most > settings.MaxImageBytes)
        {
            throw TooLarge(field, most);
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, most));
        try
        {
            if (!Convert.TryFromBase64String(base64, buffer, out int written))
            {
                string hint = base64.StartsWith("data:", StringComparison.Ordinal) ? " (send the base64 alone, without a data: URL prefix)" : "";
                throw new EngineException(ErrorKind.InvalidInput, $"{field} is not base64{hint}", field);
            }

            return FromBytes(buffer.AsSpan(0, written), field);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>An image file's bytes: empty is invalid, over <c>MaxImageBytes</c> too large, else whatever the decoder says.</summary>
    public RgbImage FromBytes(ReadOnlySpan<byte> data, string field)
    {
        if (data.IsEmpty)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"'{field}' is empty: send an image file's bytes", field);
        }

        if (data.Length > settings.MaxImageBytes)
        {
            throw TooLarge(field, data.Length);
        }

        try
        {
            return decoder.Decode(data, Limits);
        }
        catch (EngineException e) when (e.Field is null)
        {
            throw new EngineException(e.Kind, e.Message, field);
        }
    }

    /// <summary>The refusal of an image of <paramref name="bytes"/> bytes, or of more than the limit when they were not all read.</summary>
    public EngineException TooLarge(string field, long? bytes = null) => new(
        ErrorKind.TooLarge,
        bytes is { } size
            ? $"the image has {size} bytes; the limit is {settings.MaxImageBytes} (MaxImageBytes)"
            : $"the image has more than {settings.MaxImageBytes} bytes, the limit (MaxImageBytes)",
        field);

    /// <summary>
    /// The most bytes <paramref name="base64"/> can decode to: three per four characters, less the padding. White space
    /// (which the decoder skips) only makes it an overestimate; a text that is not base64 at all fails to decode.
    /// </summary>
    public static long MaxDecodedLength(string base64)
    {
        long most = (base64.Length + 3L) / 4 * 3;
        int end = base64.Length;
        while (end > 0 && char.IsWhiteSpace(base64[end - 1]))
        {
            end--;
        }

        for (int i = 0; i < 2 && end > 0 && base64[end - 1] == '='; i++, end--)
        {
            most--;
        }

        return Math.Max(0, most);
    }

    /// <summary>How long base64 of <paramref name="bytes"/> bytes is: what a JSON body must be allowed beyond its other fields.</summary>
    public static long Base64Length(long bytes) => (bytes + 2) / 3 * 4;
}

using System.Buffers;
using LlmOs.Daemon.Configuration;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// Audio where it enters, whatever brought it (a raw body, base64 in a JSON field, a multipart file, D-Bus bytes or a
/// file descriptor): checked against <c>MaxAudioBytes</c> and decoded once, by the <see cref="IAudioDecoder"/>, into the
/// 16 kHz mono <see cref="AudioClip"/> the engine takes. Every way the data can be wrong becomes an
/// <see cref="EngineException"/> naming the field. The decoder is resolved on first use, never while llmosd starts.
/// </summary>
internal sealed class AudioInput(DaemonSettings settings, IServiceProvider services)
{
    private readonly Lazy<IAudioDecoder?> _decoder = new(services.GetService<IAudioDecoder>, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What the audio decoder calls its input in its refusals.</summary>
    private const string DecoderField = "audio";

    public long MaxBytes => settings.MaxAudioBytes;

    public AudioLimits Limits { get; } = settings.AudioLimits();

    /// <summary>The decoder; a daemon built without one refuses audio as unsupported.</summary>
    public IAudioDecoder Decoder => _decoder.Value ?? throw new EngineException(ErrorKind.Unsupported, "this daemon decodes no audio");

    /// <summary>Base64 audio: its size is checked from the text's length before anything is decoded.</summary>
    public AudioClip FromBase64(string base64, string field)
    {
        if (base64.Length == 0)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"'{field}' is empty: send the audio file's bytes in base64", field);
        }

        long most = ImageInput.MaxDecodedLength(base64);
        if (most > settings.MaxAudioBytes)
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

    /// <summary>An audio file's bytes (or raw PCM of <paramref name="raw"/>): empty is invalid, over the limit too large, else what the decoder says.</summary>
    public AudioClip FromBytes(ReadOnlySpan<byte> data, string field, RawAudioFormat? raw = null)
    {
        if (data.IsEmpty)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"'{field}' is empty: send an audio file's bytes", field);
        }

        if (data.Length > settings.MaxAudioBytes)
        {
            throw TooLarge(field, data.Length);
        }

        try
        {
            return Decoder.Decode(data, raw);
        }
        catch (EngineException e) when (e.Field is null or DecoderField)
        {
            throw Named(e, field);
        }
    }

    /// <summary>
    /// The decoder's refusal as the transport's: the decoder names its input "audio" (or nothing), while the caller sent
    /// a request <c>body</c>, a form's <c>file</c> or a D-Bus argument, which is what the error must point at.
    /// </summary>
    public static EngineException Named(EngineException e, string field) =>
        e.Field is null or DecoderField ? new EngineException(e.Kind, e.Message, field) : e;

    /// <summary>A decoder for audio that arrives as it is recorded (see <see cref="AudioFeedPump"/>).</summary>
    public IAudioStreamDecoder OpenStream(RawAudioFormat? raw) => Decoder.OpenStream(raw);

    /// <summary>The refusal of audio of <paramref name="bytes"/> bytes, or of more than the limit when they were not all read.</summary>
    public EngineException TooLarge(string field, long? bytes = null) => new(
        ErrorKind.TooLarge,
        bytes is { } size
            ? $"the audio has {size} bytes; the limit is {settings.MaxAudioBytes} (MaxAudioBytes)"
            : $"the audio has more than {settings.MaxAudioBytes} bytes, the limit (MaxAudioBytes)",
        field);
}

using System.Globalization;

namespace LlmOs.Client.Speech;

/// <summary>
/// The format of raw PCM audio, which has no header to say it: the sample encoding (<c>s16le</c>, <c>s32le</c>,
/// <c>f32le</c>, <c>u8</c>…, as llmosd names them), the sample rate and the channel count.
/// </summary>
public sealed record PcmFormat(string Encoding, int Rate, int Channels)
{
    /// <summary>What <c>arecord -f S16_LE -r 16000 -c 1</c> records: 16-bit little-endian, 16 kHz, mono.</summary>
    public static PcmFormat Speech16k { get; } = new("s16le", 16_000, 1);

    /// <summary>The query parameters of <c>POST /v1/voice</c> and <c>/v1/transcribe</c> that declare it.</summary>
    internal IEnumerable<(string Name, string? Value)> QueryParameters() =>
    [
        ("format", Encoding),
        ("rate", Rate.ToString(CultureInfo.InvariantCulture)),
        ("channels", Channels.ToString(CultureInfo.InvariantCulture)),
    ];
}

using System.Buffers.Binary;

namespace LlmOs.Engine.Audio;

/// <summary>
/// Reads a RIFF/WAVE header up to its data chunk: the "fmt " chunk (PCM, IEEE float, or either inside
/// WAVE_FORMAT_EXTENSIBLE), skipping chunks it does not know. Other codecs are refused by name.
/// </summary>
internal static class WavHeaderReader
{
    /// <summary>How far into a stream the data chunk may start: what lies before it is metadata we skip.</summary>
    public const int MaxHeaderBytes = 1024 * 1024;

    /// <summary>How many chunks may precede the data: a bound on the work of re-reading a header that arrives in pieces.</summary>
    public const int MaxChunks = 64;

    private const ushort TagPcm = 1;
    private const ushort TagFloat = 3;
    private const ushort TagExtensible = 0xFFFE;

    /// <summary>True when <paramref name="data"/> starts as a RIFF/WAVE file does.</summary>
    public static bool LooksLikeWav(ReadOnlySpan<byte> data) =>
        data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WAVE"u8);

    /// <summary>
    /// The header of <paramref name="data"/>; null when a <paramref name="streaming"/> header needs more bytes. A
    /// whole file cut inside its header is truncated. In a stream a data size of 0 or 0xFFFFFFFF means unknown.
    /// </summary>
    public static WavHeader? TryRead(ReadOnlySpan<byte> data, bool streaming) => TryRead(data, streaming, out _);

    /// <summary>As <see cref="TryRead(ReadOnlySpan{byte}, bool)"/>; <paramref name="needed"/>: how many bytes to have before trying again.</summary>
    public static WavHeader? TryRead(ReadOnlySpan<byte> data, bool streaming, out long needed)
    {
        needed = 12;
        if (data.Length < 12)
        {
            return streaming ? null : throw AudioRefusals.Truncated("the file ends inside its RIFF header");
        }

        if (!data[..4].SequenceEqual("RIFF"u8) || !data[8..12].SequenceEqual("WAVE"u8))
        {
            throw AudioRefusals.Unsupported("the audio is not a RIFF/WAVE file");
        }

        PcmLayout? layout = null;
        long position = 12;
        for (int chunks = 0; ; chunks++)
        {
            if (chunks > MaxChunks)
            {
                throw AudioRefusals.Unsupported($"the WAV file has more than {MaxChunks} chunks before its data");
            }

            if (position > MaxHeaderBytes && streaming)
            {
                throw AudioRefusals.Unsupported($"the WAV stream has more than {MaxHeaderBytes} bytes of chunks before its data");
            }

            needed = position + 8;
            if (position + 8 > data.Length)
            {
                return streaming ? null : throw AudioRefusals.Truncated("the WAV file ends before its data chunk");
            }

            ReadOnlySpan<byte> id = data.Slice((int)position, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(data[((int)position + 4)..]);
            long body = position + 8;
            if (id.SequenceEqual("data"u8))
            {
                PcmLayout known = layout ?? throw AudioRefusals.Unsupported("the WAV file has its data chunk before its fmt chunk");
                bool unknown = size == uint.MaxValue || (streaming && size == 0);
                return new WavHeader(known, (int)body, unknown ? null : size);
            }

            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || size > 4096)
                {
                    throw AudioRefusals.Unsupported($"the WAV fmt chunk has an impossible size ({size} bytes)");
                }

                needed = body + size;
                if (body + size > data.Length)
                {
                    return streaming ? null : throw AudioRefusals.Truncated("the WAV file ends inside its fmt chunk");
                }

                layout = ReadFormat(data.Slice((int)body, (int)size));
            }

            position = body + size + (size & 1);
        }
    }

    private static PcmLayout ReadFormat(ReadOnlySpan<byte> fmt)
    {
        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == TagExtensible)
        {
            if (fmt.Length < 40)
            {
                throw AudioRefusals.Unsupported("the WAV file says WAVE_FORMAT_EXTENSIBLE but its fmt chunk is too short");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        SampleEncoding encoding = (tag, bits) switch
        {
            (TagPcm, 8) => SampleEncoding.Unsigned8,
            (TagPcm, 16) => SampleEncoding.Signed16,
            (TagPcm, 24) => SampleEncoding.Signed24,
            (TagPcm, 32) => SampleEncoding.Signed32,
            (TagFloat, 32) => SampleEncoding.Float32,
            (TagFloat, 64) => SampleEncoding.Float64,
            (TagPcm, _) => throw AudioRefusals.Unsupported($"{bits}-bit PCM WAV is not supported (8, 16, 24 or 32 bits)"),
            (TagFloat, _) => throw AudioRefusals.Unsupported($"{bits}-bit float WAV is not supported (32 or 64 bits)"),
            _ => throw AudioRefusals.Unsupported($"the WAV codec {CodecName(tag)} is not supported (PCM or IEEE float only)"),
        };

        if (rate > PcmLayout.MaxRate)
        {
            throw AudioRefusals.Unsupported($"a sample rate of {rate} Hz is not supported (from {PcmLayout.MinRate} to {PcmLayout.MaxRate} Hz)");
        }

        var layout = new PcmLayout(encoding, channels, (int)rate);
        layout.Validate();
        if (blockAlign != layout.FrameBytes)
        {
            throw AudioRefusals.Unsupported($"the WAV block align ({blockAlign}) does not match {channels} channels of {bits} bits");
        }

        return layout;
    }

    private static string CodecName(ushort tag) => tag switch
    {
        2 => "Microsoft ADPCM",
        6 => "A-law",
        7 => "mu-law",
        0x11 => "IMA ADPCM",
        0x31 => "GSM 6.10",
        0x50 => "MPEG",
        0x55 => "MPEG layer 3",
        _ => $"with format tag 0x{tag:X4}",
    };
}

using System.Buffers.Binary;

namespace LlmOs.Engine.Audio;

/// <summary>
/// Walks an MP3 file's frames by their headers alone (no decoding): where they start and end, the rate, the channels
/// and the samples they hold — so the duration is known before decoding, and a file cut inside a frame is found.
/// </summary>
internal sealed record MpegScan(int Start, int End, int SampleRate, int Channels, long Samples)
{
    /// <summary>True when <paramref name="data"/> starts (after an ID3v2 tag) with two consecutive MPEG frames, or one that fills it.</summary>
    public static bool Looks(ReadOnlySpan<byte> data)
    {
        int start = SkipId3(data);
        if (start >= data.Length || MpegFrameHeader.TryRead(data[start..]) is not { } first)
        {
            return false;
        }

        int next = start + first.Length;
        return next >= data.Length || MpegFrameHeader.TryRead(data[next..]) is { } second && second.SampleRate == first.SampleRate;
    }

    /// <summary>The frames of a file <see cref="Looks"/> said is MP3; a last frame cut short is truncation.</summary>
    public static MpegScan Read(ReadOnlySpan<byte> data)
    {
        int start = SkipId3(data);
        MpegFrameHeader first = MpegFrameHeader.TryRead(data[start..]) ?? throw AudioRefusals.Unsupported("the audio is not MP3");
        int position = start;
        long samples = 0;
        while (position < data.Length)
        {
            ReadOnlySpan<byte> rest = data[position..];
            if (MpegFrameHeader.TryRead(rest) is not { } frame || frame.SampleRate != first.SampleRate)
            {
                break; // an ID3v1 or APE tag, or junk after the last frame: the audio ends here.
            }

            if (frame.Length > rest.Length)
            {
                throw AudioRefusals.Truncated($"the MP3 file ends inside a frame ({rest.Length} of its {frame.Length} bytes)");
            }

            samples += frame.SamplesPerFrame;
            position += frame.Length;
        }

        return new MpegScan(start, position, first.SampleRate, first.Channels, samples);
    }

    private static int SkipId3(ReadOnlySpan<byte> data)
    {
        if (data.Length < 10 || !data[..3].SequenceEqual("ID3"u8))
        {
            return 0;
        }

        // The tag's size is "syncsafe": four 7-bit bytes; a footer adds ten more bytes.
        uint raw = BinaryPrimitives.ReadUInt32BigEndian(data[6..]);
        long size = ((raw >> 24) & 0x7F) << 21 | ((raw >> 16) & 0x7F) << 14 | ((raw >> 8) & 0x7F) << 7 | (raw & 0x7F);
        long end = 10 + size + ((data[5] & 0x10) != 0 ? 10 : 0);
        return (int)Math.Min(end, data.Length);
    }
}

using System.Buffers.Binary;
using Concentus;

namespace LlmOs.Engine.Audio;

/// <summary>
/// Ogg/Opus through Concentus (managed): the OpusHead packet gives the channels and the pre-skip, the last granule
/// position the length (checked against the limit before any packet is decoded); the packets are decoded at 48 kHz,
/// averaged to mono, and trimmed to the announced length.
/// </summary>
internal static class OpusDecoding
{
    private const int Rate = 48_000;
    private const int MaxFrame = 5_760; // 120 ms at 48 kHz, the longest Opus packet.

    static OpusDecoding()
    {
        // The managed decoder only: the same results on every machine, whatever native libopus is installed.
        OpusCodecFactory.AttemptToUseNativeLibrary = false;
    }

    /// <summary>The mono samples at 48 kHz of an Ogg file; refuses streams that are not Opus.</summary>
    public static float[] Decode(OggStream ogg, TimeSpan maxDuration)
    {
        if (ogg.Packets.Count == 0)
        {
            throw AudioRefusals.Unsupported("the Ogg file holds no packets");
        }

        byte[] head = ogg.Packets[0];
        if (head.Length < 19 || !head.AsSpan(0, 8).SequenceEqual("OpusHead"u8))
        {
            throw AudioRefusals.Unsupported($"the Ogg file holds {CodecName(head)}, which is not supported (Opus only)");
        }

        int channels = head[9];
        int preSkip = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(10));
        if ((head[8] >> 4) != 0 || head[18] != 0 || channels is < 1 or > 2)
        {
            throw AudioRefusals.Unsupported("only mono and stereo Ogg/Opus (mapping family 0, version 0) is supported");
        }

        long announced = ogg.LastGranule - preSkip;
        AudioRefusals.CheckDuration(Math.Max(announced, 0), Rate, maxDuration);
        long maxSamples = (long)(maxDuration.TotalSeconds * Rate);

        IOpusDecoder decoder = OpusCodecFactory.CreateDecoder(Rate, channels);
        var mono = new List<float>();
        var frame = new float[MaxFrame * channels];
        for (int i = 2; i < ogg.Packets.Count; i++)
        {
            byte[] packet = ogg.Packets[i];
            if (packet.Length == 0)
            {
                continue;
            }

            int decoded = decoder.Decode(packet, frame, MaxFrame, false);
            for (int s = 0; s < decoded; s++)
            {
                mono.Add(channels == 1 ? frame[s] : (frame[2 * s] + frame[(2 * s) + 1]) * 0.5f);
            }

            if (mono.Count - preSkip > maxSamples)
            {
                AudioRefusals.CheckDuration(mono.Count - preSkip, Rate, maxDuration);
            }
        }

        int start = Math.Min(preSkip, mono.Count);
        int length = mono.Count - start;
        if (announced > 0 && announced < length)
        {
            length = (int)announced;
        }

        return mono.GetRange(start, length).ToArray();
    }

    private static string CodecName(ReadOnlySpan<byte> head) =>
        head.StartsWith("\u0001vorbis"u8) ? "Vorbis"
        : head.StartsWith("\u007fFLAC"u8) ? "FLAC"
        : head.StartsWith("Speex"u8) ? "Speex"
        : "an unknown codec";
}

namespace LlmOs.Engine.Audio;

/// <summary>One MPEG audio frame header (MPEG 1, 2 and 2.5; layers I, II and III): its rate, channels and length.</summary>
internal readonly record struct MpegFrameHeader(int SampleRate, int Channels, int Length, int SamplesPerFrame)
{
    private static readonly int[][] Bitrates =
    [
        [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448], // MPEG 1, layer I
        [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384], // MPEG 1, layer II
        [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320], // MPEG 1, layer III
        [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256], // MPEG 2 and 2.5, layer I
        [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160], // MPEG 2 and 2.5, layers II and III
    ];

    private static readonly int[] Mpeg1Rates = [44_100, 48_000, 32_000];

    /// <summary>The header at the start of <paramref name="bytes"/>, or null when there is none (free-format bitrates included).</summary>
    public static MpegFrameHeader? TryRead(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 0xFF || (bytes[1] & 0xE0) != 0xE0)
        {
            return null;
        }

        int version = (bytes[1] >> 3) & 3; // 0: MPEG 2.5, 1: reserved, 2: MPEG 2, 3: MPEG 1
        int layer = 4 - ((bytes[1] >> 1) & 3); // 4: reserved
        int bitrateIndex = bytes[2] >> 4;
        int rateIndex = (bytes[2] >> 2) & 3;
        if (version == 1 || layer == 4 || bitrateIndex is 0 or 15 || rateIndex == 3)
        {
            return null;
        }

        bool mpeg1 = version == 3;
        int sampleRate = Mpeg1Rates[rateIndex] >> (mpeg1 ? 0 : version == 2 ? 1 : 2);
        int table = mpeg1 ? layer - 1 : layer == 1 ? 3 : 4;
        int bitrate = Bitrates[table][bitrateIndex] * 1000;
        int padding = (bytes[2] >> 1) & 1;
        int channels = (bytes[3] >> 6) == 3 ? 1 : 2;
        return layer switch
        {
            1 => new MpegFrameHeader(sampleRate, channels, ((12 * bitrate / sampleRate) + padding) * 4, 384),
            2 => new MpegFrameHeader(sampleRate, channels, (144 * bitrate / sampleRate) + padding, 1152),
            _ => new MpegFrameHeader(sampleRate, channels, ((mpeg1 ? 144 : 72) * bitrate / sampleRate) + padding, mpeg1 ? 1152 : 576),
        };
    }
}

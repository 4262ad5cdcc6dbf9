using System.Buffers.Binary;

namespace LlmOs.Engine.Audio;

/// <summary>Turns interleaved PCM frames into mono float samples in [-1, 1] (channels averaged).</summary>
internal static class PcmConverter
{
    /// <summary>Converts the whole frames of <paramref name="bytes"/> into <paramref name="mono"/>; returns how many.</summary>
    public static int ToMono(ReadOnlySpan<byte> bytes, PcmLayout layout, Span<float> mono)
    {
        int frameBytes = layout.FrameBytes;
        int sampleBytes = layout.BytesPerSample;
        int frames = Math.Min(bytes.Length / frameBytes, mono.Length);
        float scale = 1f / layout.Channels;
        for (int frame = 0; frame < frames; frame++)
        {
            ReadOnlySpan<byte> source = bytes.Slice(frame * frameBytes, frameBytes);
            float sum = 0;
            for (int channel = 0; channel < layout.Channels; channel++)
            {
                sum += Sample(source.Slice(channel * sampleBytes, sampleBytes), layout.Encoding);
            }

            mono[frame] = layout.Channels == 1 ? sum : sum * scale;
        }

        return frames;
    }

    private static float Sample(ReadOnlySpan<byte> bytes, SampleEncoding encoding) => encoding switch
    {
        SampleEncoding.Unsigned8 => (bytes[0] - 128) / 128f,
        SampleEncoding.Signed16 => BinaryPrimitives.ReadInt16LittleEndian(bytes) / 32768f,
        SampleEncoding.Signed24 => ((bytes[0] | (bytes[1] << 8) | (bytes[2] << 16)) << 8 >> 8) / 8388608f,
        SampleEncoding.Signed32 => BinaryPrimitives.ReadInt32LittleEndian(bytes) / 2147483648f,
        SampleEncoding.Float32 => Sanitize(BinaryPrimitives.ReadSingleLittleEndian(bytes)),
        _ => Sanitize((float)BinaryPrimitives.ReadDoubleLittleEndian(bytes)),
    };

    /// <summary>Float audio may hold anything: NaN becomes silence and the rest is clipped to full scale.</summary>
    private static float Sanitize(float value) => float.IsNaN(value) ? 0f : Math.Clamp(value, -1f, 1f);
}

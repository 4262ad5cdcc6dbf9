using NLayer;

namespace LlmOs.Engine.Audio;

/// <summary>MP3 through NLayer (managed), given only the frames <see cref="MpegScan"/> found, averaged to mono.</summary>
internal static class Mp3Decoding
{
    public static float[] Decode(ReadOnlySpan<byte> data, MpegScan scan)
    {
        using var stream = new MemoryStream(data[scan.Start..scan.End].ToArray(), writable: false);
        using var file = new MpegFile(stream);
        int channels = Math.Max(1, file.Channels);

        // Never more than the scanned frames hold (with one frame of slack): a decoder led astray cannot run on.
        long maxFrames = scan.Samples + 1152;
        var mono = new List<float>((int)Math.Min(maxFrames, 1 << 24));
        var buffer = new float[4608 * channels];
        int read;
        while ((read = file.ReadSamples(buffer, 0, buffer.Length)) > 0 && mono.Count < maxFrames)
        {
            for (int i = 0; i + channels <= read; i += channels)
            {
                float sum = 0;
                for (int c = 0; c < channels; c++)
                {
                    sum += buffer[i + c];
                }

                mono.Add(Sanitize(sum / channels));
            }
        }

        return [.. mono];
    }

    private static float Sanitize(float value) => float.IsNaN(value) ? 0f : Math.Clamp(value, -1f, 1f);
}

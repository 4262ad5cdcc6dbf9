using System.Buffers.Binary;

namespace LlmOs.Engine.Speech;

/// <summary>Writes speech as a WAV file (RIFF, 16-bit PCM, mono): what the speak endpoints and tasks return.</summary>
public static class WavFile
{
    private const int HeaderLength = 44;

    /// <summary>Synthesised speech at its own rate.</summary>
    public static byte[] Write(SynthesizedSpeech speech)
    {
        ArgumentNullException.ThrowIfNull(speech);
        byte[] file = Header(speech.Samples.Length, speech.SampleRate);
        Span<byte> data = file.AsSpan(HeaderLength);
        for (int i = 0; i < speech.Samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data[(i * 2)..], speech.Samples[i]);
        }

        return file;
    }

    /// <summary>A clip at 16 kHz; samples beyond [-1, 1] are clipped.</summary>
    public static byte[] Write(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        byte[] file = Header(clip.Samples.Length, AudioClip.SampleRate);
        Span<byte> data = file.AsSpan(HeaderLength);
        for (int i = 0; i < clip.Samples.Length; i++)
        {
            float sample = clip.Samples[i];
            short value = float.IsNaN(sample) ? (short)0 : (short)Math.Round(Math.Clamp(sample * 32768f, short.MinValue, short.MaxValue));
            BinaryPrimitives.WriteInt16LittleEndian(data[(i * 2)..], value);
        }

        return file;
    }

    private static byte[] Header(int sampleCount, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        long dataLength = (long)sampleCount * 2;
        if (dataLength > uint.MaxValue - HeaderLength)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleCount), "too long for a WAV file");
        }

        var file = new byte[HeaderLength + dataLength];
        Span<byte> header = file;
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(36 + dataLength));
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], sampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], (uint)dataLength);
        return file;
    }
}

using System.Buffers.Binary;
using LlmOs.Engine.Speech;

namespace LlmOs.Daemon.Requests;

/// <summary>Speech as the bytes of a WAV file (RIFF, 16-bit PCM mono) or as raw 16-bit little-endian PCM (OpenAI's <c>pcm</c>).</summary>
internal static class WavBytes
{
    private const int HeaderBytes = 44;

    public static byte[] From(SynthesizedSpeech speech)
    {
        int dataBytes = speech.Samples.Length * 2;
        var bytes = new byte[HeaderBytes + dataBytes];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], speech.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], speech.SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataBytes);
        Pcm(speech.Samples, span[HeaderBytes..]);
        return bytes;
    }

    public static byte[] RawPcm(SynthesizedSpeech speech)
    {
        var bytes = new byte[speech.Samples.Length * 2];
        Pcm(speech.Samples, bytes);
        return bytes;
    }

    private static void Pcm(short[] samples, Span<byte> output)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(output[(i * 2)..], samples[i]);
        }
    }
}

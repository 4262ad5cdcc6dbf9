using System.Buffers.Binary;
using LlmOs.Engine.Speech;

namespace LlmOs.Daemon.Requests;

/// <summary>Speech as the bytes of a WAV file (RIFF, 16-bit PCM mono) or as raw 16-bit little-endian PCM (OpenAI's <c>pcm</c>).</summary>
internal static class WavBytes
{
    public static byte[] From(SynthesizedSpeech speech) => WavFile.Write(speech);

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

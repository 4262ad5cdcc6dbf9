using System.Buffers.Binary;
using System.Text;

namespace LlmOs.Integration.Tests.Speech;

/// <summary>Audio files that are wrong in one way each, built byte by byte.</summary>
internal static class BadWavs
{
    /// <summary>Bytes that are no audio of any kind (seeded, so a failure can be replayed; never starting like a known format).</summary>
    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        bytes[0] = (byte)'x'; // not RIFF, ID3, OggS nor an MPEG frame sync
        return bytes;
    }

    /// <summary>A 16 kHz 16-bit mono PCM WAV whose header announces <paramref name="declaredDataBytes"/> bytes of samples while <paramref name="actualDataBytes"/> follow.</summary>
    public static byte[] Pcm16(uint declaredDataBytes, int actualDataBytes, int rate = 16_000) =>
        Wav(formatTag: 1, channels: 1, rate, bitsPerSample: 16, declaredDataBytes, actualDataBytes);

    /// <summary>A WAV file whose "fmt " chunk names <paramref name="formatTag"/> (6 A-law, 0x55 MPEG layer 3), with some data after it.</summary>
    public static byte[] Codec(ushort formatTag, ushort bitsPerSample) =>
        Wav(formatTag, channels: 1, rate: 8000, bitsPerSample, declaredDataBytes: 8000, actualDataBytes: 8000);

    private static byte[] Wav(ushort formatTag, ushort channels, int rate, ushort bitsPerSample, uint declaredDataBytes, int actualDataBytes)
    {
        int blockAlign = Math.Max(1, channels * bitsPerSample / 8);
        var wav = new byte[44 + actualDataBytes];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(wav, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(4), unchecked(36 + declaredDataBytes));
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(wav, 8);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(20), formatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(22), channels);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(24), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(28), (uint)(rate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(32), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(34), bitsPerSample);
        Encoding.ASCII.GetBytes("data").CopyTo(wav, 36);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(40), declaredDataBytes);
        for (int i = 44; i < wav.Length; i++)
        {
            wav[i] = (byte)(i * 31 % 7); // quiet, not silent
        }

        return wav;
    }
}

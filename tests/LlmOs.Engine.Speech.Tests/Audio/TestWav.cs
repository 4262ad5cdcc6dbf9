using System.Buffers.Binary;

namespace LlmOs.Engine.Speech.Tests.Audio;

/// <summary>Writes WAV files of any layout from float samples, for the decoder to read back.</summary>
public static class TestWav
{
    public enum Kind
    {
        Pcm8,
        Pcm16,
        Pcm24,
        Pcm32,
        Ieee32,
        Ieee64,
    }

    internal static int Bytes(Kind kind) => kind switch
    {
        Kind.Pcm8 => 1,
        Kind.Pcm16 => 2,
        Kind.Pcm24 => 3,
        Kind.Pcm32 or Kind.Ieee32 => 4,
        _ => 8,
    };

    /// <summary>Interleaved samples of <paramref name="channels"/> (each channel its own array) as PCM bytes.</summary>
    internal static byte[] Pcm(float[][] channels, Kind kind)
    {
        int width = Bytes(kind);
        int frames = channels[0].Length;
        var data = new byte[frames * channels.Length * width];
        for (int i = 0; i < frames; i++)
        {
            for (int c = 0; c < channels.Length; c++)
            {
                Span<byte> at = data.AsSpan(((i * channels.Length) + c) * width);
                double value = Math.Clamp(channels[c][i], -1f, 1f);
                switch (kind)
                {
                    case Kind.Pcm8: at[0] = (byte)Math.Clamp(Math.Round((value * 127) + 128), 0, 255); break;
                    case Kind.Pcm16: BinaryPrimitives.WriteInt16LittleEndian(at, (short)Math.Round(value * 32767)); break;
                    case Kind.Pcm24:
                        int v24 = (int)Math.Round(value * 8388607);
                        at[0] = (byte)v24; at[1] = (byte)(v24 >> 8); at[2] = (byte)(v24 >> 16); break;
                    case Kind.Pcm32: BinaryPrimitives.WriteInt32LittleEndian(at, (int)Math.Round(value * int.MaxValue)); break;
                    case Kind.Ieee32: BinaryPrimitives.WriteSingleLittleEndian(at, (float)value); break;
                    default: BinaryPrimitives.WriteDoubleLittleEndian(at, value); break;
                }
            }
        }

        return data;
    }

    /// <summary>A WAV file; <paramref name="extensible"/> wraps the format in WAVE_FORMAT_EXTENSIBLE; a LIST chunk precedes the data.</summary>
    internal static byte[] File(float[][] channels, int rate, Kind kind, bool extensible = false, uint? declaredData = null, ushort? tag = null)
    {
        byte[] pcm = Pcm(channels, kind);
        int width = Bytes(kind);
        bool isFloat = kind is Kind.Ieee32 or Kind.Ieee64;
        ushort formatTag = tag ?? (ushort)(isFloat ? 3 : 1);
        int fmtLength = extensible ? 40 : 16;
        byte[] list = [.. "LIST"u8, 5, 0, 0, 0, .. "INFOx"u8, 0];
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write((uint)(4 + 8 + fmtLength + list.Length + 8 + pcm.Length));
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(fmtLength);
        writer.Write(extensible ? (ushort)0xFFFE : formatTag);
        writer.Write((ushort)channels.Length);
        writer.Write(rate);
        writer.Write(rate * width * channels.Length);
        writer.Write((ushort)(width * channels.Length));
        writer.Write((ushort)(width * 8));
        if (extensible)
        {
            writer.Write((ushort)22);
            writer.Write((ushort)(width * 8));
            writer.Write(channels.Length == 1 ? 4u : 3u);
            writer.Write(formatTag);
            writer.Write([0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]);
        }

        writer.Write(list);
        writer.Write("data"u8);
        writer.Write(declaredData ?? (uint)pcm.Length);
        writer.Write(pcm);
        return stream.ToArray();
    }

    internal static byte[] Mono16(float[] samples, int rate) => File([samples], rate, Kind.Pcm16);
}

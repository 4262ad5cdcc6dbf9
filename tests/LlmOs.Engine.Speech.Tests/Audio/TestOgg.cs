namespace LlmOs.Engine.Speech.Tests.Audio;

/// <summary>Builds Ogg pages by hand (the CRC left zero: the decoder does not check it) for streams no encoder here makes.</summary>
internal static class TestOgg
{
    public static byte[] Page(byte[] packet, uint serial, long granule, byte headerType, uint sequence)
    {
        var lacing = new List<byte>();
        int left = packet.Length;
        while (left >= 255)
        {
            lacing.Add(255);
            left -= 255;
        }

        lacing.Add((byte)left);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("OggS"u8);
        writer.Write((byte)0);
        writer.Write(headerType);
        writer.Write(granule);
        writer.Write(serial);
        writer.Write(sequence);
        writer.Write(0u);
        writer.Write((byte)lacing.Count);
        writer.Write(lacing.ToArray());
        writer.Write(packet);
        return stream.ToArray();
    }

    /// <summary>The first page of an Ogg Vorbis stream (its identification header) followed by one more page.</summary>
    public static byte[] Vorbis()
    {
        byte[] identification = [1, .. "vorbis"u8, 0, 0, 0, 0, 1, 0x44, 0xAC, 0, 0, 0, 0, 0, 0, 0, 0xEE, 0x02, 0, 0, 0, 0, 0, 0xB8, 1];
        return [.. Page(identification, 1234, 0, 2, 0), .. Page(new byte[40], 1234, 44_100, 4, 1)];
    }
}

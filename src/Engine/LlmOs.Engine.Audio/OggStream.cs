using System.Buffers.Binary;

namespace LlmOs.Engine.Audio;

/// <summary>
/// The packets of the first logical stream of an Ogg file, reassembled from its pages' lacing, and the last granule
/// position that stream announces (its length in samples for Opus). Concentus decodes Opus packets but reads no Ogg,
/// so this small reader does. Pages of other streams are skipped; a file cut inside a page is truncation.
/// </summary>
internal sealed record OggStream(IReadOnlyList<byte[]> Packets, long LastGranule)
{
    private const int PageHeaderLength = 27;

    public static bool Looks(ReadOnlySpan<byte> data) => data.Length >= 4 && data[..4].SequenceEqual("OggS"u8);

    public static OggStream Read(ReadOnlySpan<byte> data)
    {
        var packets = new List<byte[]>();
        var current = new List<byte>();
        uint? serial = null;
        long lastGranule = -1;
        int position = 0;
        while (position < data.Length)
        {
            ReadOnlySpan<byte> page = data[position..];
            if (page.Length < PageHeaderLength)
            {
                throw AudioRefusals.Truncated("the Ogg file ends inside a page header");
            }

            if (!page[..4].SequenceEqual("OggS"u8) || page[4] != 0)
            {
                throw AudioRefusals.Unsupported($"the Ogg file is corrupt: no page starts at byte {position}");
            }

            int segments = page[26];
            if (page.Length < PageHeaderLength + segments)
            {
                throw AudioRefusals.Truncated("the Ogg file ends inside a page's segment table");
            }

            ReadOnlySpan<byte> lacing = page.Slice(PageHeaderLength, segments);
            int bodyLength = 0;
            foreach (byte lace in lacing)
            {
                bodyLength += lace;
            }

            int bodyStart = PageHeaderLength + segments;
            if (page.Length < bodyStart + bodyLength)
            {
                throw AudioRefusals.Truncated($"the Ogg file ends inside a page ({page.Length - bodyStart} of its {bodyLength} bytes)");
            }

            uint pageSerial = BinaryPrimitives.ReadUInt32LittleEndian(page[14..]);
            serial ??= pageSerial;
            if (pageSerial == serial)
            {
                long granule = BinaryPrimitives.ReadInt64LittleEndian(page[6..]);
                lastGranule = granule >= 0 ? granule : lastGranule;
                int offset = bodyStart;
                foreach (byte lace in lacing)
                {
                    current.AddRange(page.Slice(offset, lace));
                    offset += lace;
                    if (lace < 255)
                    {
                        packets.Add([.. current]);
                        current.Clear();
                    }
                }
            }

            position += bodyStart + bodyLength;
        }

        return new OggStream(packets, lastGranule);
    }
}

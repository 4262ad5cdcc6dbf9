using System.Runtime.Intrinsics;
using SkiaSharp;

namespace LlmOs.Engine.Vision;

/// <summary>Turns decoded RGBA into the upright RGB24 of an <see cref="RgbImage"/> in one pass.</summary>
internal static class UprightRgb
{
    /// <summary>
    /// Copies <paramref name="rgba"/> (premultiplied, <paramref name="width"/> × <paramref name="height"/> as stored in
    /// the file) into a new <see cref="RgbImage"/>, composited over white and turned upright by the EXIF
    /// <paramref name="origin"/>. Each origin is a walk through the source: where the first upright pixel comes from
    /// and how far one step right and one step down move in it. <paramref name="opaque"/> (every alpha is 255, as in
    /// all JPEGs) allows a vector copy of the rows that are stored upright.
    /// </summary>
    public static RgbImage FromPremultipliedRgba(ReadOnlySpan<byte> rgba, int width, int height, SKEncodedOrigin origin, bool opaque)
    {
        bool swapsSides = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        int uprightWidth = swapsSides ? height : width;
        int uprightHeight = swapsSides ? width : height;
        int last = (width * height) - 1;
        int lastRow = (height - 1) * width;

        // In source pixels. EXIF: the file's row 0 and column 0 are shown at the side the origin names.
        (int start, int right, int down) = origin switch
        {
            SKEncodedOrigin.TopRight => (width - 1, -1, width),     // 2: mirrored left-right
            SKEncodedOrigin.BottomRight => (last, -1, -width),      // 3: turned 180°
            SKEncodedOrigin.BottomLeft => (lastRow, 1, -width),     // 4: mirrored top-bottom
            SKEncodedOrigin.LeftTop => (0, width, 1),               // 5: transposed
            SKEncodedOrigin.RightTop => (lastRow, -width, 1),       // 6: shown turned 90° clockwise
            SKEncodedOrigin.RightBottom => (last, -width, -1),      // 7: transversed
            SKEncodedOrigin.LeftBottom => (width - 1, width, -1),   // 8: shown turned 90° counter-clockwise
            _ => (0, 1, width),                                     // 1: as stored
        };

        byte[] rgb = GC.AllocateUninitializedArray<byte>(uprightWidth * uprightHeight * 3);
        if (opaque && right == 1)
        {
            CopyOpaqueRows(rgba, rgb, uprightWidth, uprightHeight, start, down);
        }
        else
        {
            Walk(rgba, rgb, uprightWidth, uprightHeight, start, right, down);
        }

        return new RgbImage(uprightWidth, uprightHeight, rgb);
    }

    private static unsafe void Walk(ReadOnlySpan<byte> rgba, byte[] rgb, int width, int height, int start, int right, int down)
    {
        // Pointers: the walk goes backwards for half the origins, which defeats the JIT's bounds-check removal, and
        // this loop is most of a decode's managed time. The origin table keeps every step inside the buffers.
        fixed (byte* source = rgba)
        fixed (byte* target = rgb)
        {
            byte* o = target;
            for (int y = 0; y < height; y++)
            {
                byte* s = source + ((long)(start + ((long)y * down)) * 4);
                for (int x = 0; x < width; x++, s += right * 4, o += 3)
                {
                    // Premultiplied colour over white: c + (1 - a) · 255, which stays within 255 since c ≤ a.
                    int white = 255 - s[3];
                    o[0] = (byte)Math.Min(255, s[0] + white);
                    o[1] = (byte)Math.Min(255, s[1] + white);
                    o[2] = (byte)Math.Min(255, s[2] + white);
                }
            }
        }
    }

    private static unsafe void CopyOpaqueRows(ReadOnlySpan<byte> rgba, byte[] rgb, int width, int height, int start, int down)
    {
        // R, G, B of four RGBA pixels into the first 12 bytes (indices out of range give 0).
        var pick = Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 255, 255, 255, 255);
        fixed (byte* source = rgba)
        fixed (byte* target = rgb)
        {
            for (int y = 0; y < height; y++)
            {
                byte* s = source + ((long)(start + ((long)y * down)) * 4);
                byte* o = target + ((long)y * width * 3);
                int x = 0;

                // Each store writes 16 bytes of which 12 are pixels; the next one overwrites the other 4. Stopping two
                // pixels early keeps the last store inside the row.
                for (; x + 6 <= width; x += 4)
                {
                    Vector128.Shuffle(Vector128.Load(s + (x * 4)), pick).Store(o + (x * 3));
                }

                for (; x < width; x++)
                {
                    o[x * 3] = s[x * 4];
                    o[(x * 3) + 1] = s[(x * 4) + 1];
                    o[(x * 3) + 2] = s[(x * 4) + 2];
                }
            }
        }
    }
}

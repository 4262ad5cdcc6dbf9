using System.Buffers;

namespace LlmOs.Engine.Vision;

/// <summary>
/// Writes one <see cref="RgbImage"/> into its slot of a batch's NCHW input: resize (shorter side), centre crop and
/// normalisation in one pass, straight from the RGB bytes into the floats, with one row of floats as the only
/// scratch. Done here rather than with Skia's resize: Skia has no 3-byte RGB pixel type, so it would need a full
/// RGBA copy of the image first, then a resized copy, then this pass anyway to normalise and split the planes.
/// </summary>
internal static class ImageTensor
{
    public static void Write(RgbImage image, ClassifierPreprocessing settings, Span<float> destination)
    {
        int width = settings.InputWidth;
        int height = settings.InputHeight;

        // torchvision's Resize(n) then CenterCrop: the shorter side becomes n, the longer one in proportion (truncated);
        // the crop is centred, its offset rounded.
        // In longs: a 3,000,000 x 1 strip resized to 1024 high would be 3 billion wide.
        (long resizedWidth, long resizedHeight) = image.Width <= image.Height
            ? ((long)settings.Resize, (long)settings.Resize * image.Height / image.Width)
            : ((long)settings.Resize * image.Width / image.Height, (long)settings.Resize);
        var columns = ResampleAxis.Create(image.Width, resizedWidth, (long)Math.Round((resizedWidth - width) / 2.0), width);
        var rows = ResampleAxis.Create(image.Height, resizedHeight, (long)Math.Round((resizedHeight - height) / 2.0), height);

        // (value / 255 - mean) / std as one multiply-add per channel, in the input's plane order.
        Span<float> scale = stackalloc float[3];
        Span<float> bias = stackalloc float[3];
        Span<int> plane = stackalloc int[3];
        for (int c = 0; c < 3; c++)
        {
            scale[c] = 1f / (255f * settings.Std[c]);
            bias[c] = -settings.Mean[c] / settings.Std[c];
            plane[c] = (settings.ChannelOrder == ChannelOrder.Rgb ? c : 2 - c) * width * height;
        }

        int first = columns.First;
        int span = (columns.End - first) * 3;
        float[] row = ArrayPool<float>.Shared.Rent(span);
        try
        {
            for (int y = 0; y < height; y++)
            {
                BlendRows(image, rows, y, first, row.AsSpan(0, span));
                for (int x = 0; x < width; x++)
                {
                    int start = (columns.Starts[x] - first) * 3;
                    var taps = columns.Weights.AsSpan(x * columns.Taps, columns.Counts[x]);
                    float r = 0, g = 0, b = 0;
                    for (int k = 0; k < taps.Length; k++)
                    {
                        float w = taps[k];
                        int p = start + (k * 3);
                        r += w * row[p];
                        g += w * row[p + 1];
                        b += w * row[p + 2];
                    }

                    int at = (y * width) + x;
                    destination[plane[0] + at] = (r * scale[0]) + bias[0];
                    destination[plane[1] + at] = (g * scale[1]) + bias[1];
                    destination[plane[2] + at] = (b * scale[2]) + bias[2];
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(row);
        }
    }

    /// <summary>The vertical pass for output row <paramref name="y"/>: the weighted sum of its source rows, over the columns the crop reads.</summary>
    private static void BlendRows(RgbImage image, ResampleAxis rows, int y, int firstColumn, Span<float> row)
    {
        row.Clear();
        var taps = rows.Weights.AsSpan(y * rows.Taps, rows.Counts[y]);
        for (int k = 0; k < taps.Length; k++)
        {
            float w = taps[k];
            var source = image.Pixels.AsSpan((((rows.Starts[y] + k) * image.Width) + firstColumn) * 3, row.Length);
            for (int i = 0; i < row.Length; i++)
            {
                row[i] += w * source[i];
            }
        }
    }
}

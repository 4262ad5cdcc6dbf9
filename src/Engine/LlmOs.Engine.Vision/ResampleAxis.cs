namespace LlmOs.Engine.Vision;

/// <summary>
/// One axis of a resize-then-crop, as filter taps: output pixel i is the weighted sum of source pixels
/// <c>Starts[i] .. Starts[i] + Counts[i]</c> with the weights at <c>Weights[i * Taps ..]</c>. The filter is the
/// triangle (bilinear) widened by the scale when shrinking, as PIL's and torchvision's antialiased bilinear resize do:
/// every source pixel counts, so a 4000-pixel photo does not alias down to 224.
/// </summary>
internal sealed class ResampleAxis
{
    private ResampleAxis(int[] starts, int[] counts, float[] weights, int taps)
    {
        Starts = starts;
        Counts = counts;
        Weights = weights;
        Taps = taps;
    }

    public int[] Starts { get; }

    public int[] Counts { get; }

    public float[] Weights { get; }

    public int Taps { get; }

    /// <summary>The first source pixel any output pixel reads.</summary>
    public int First => Starts[0];

    /// <summary>One past the last source pixel any output pixel reads.</summary>
    public int End => Starts[^1] + Counts[^1];

    /// <param name="source">Source pixels on this axis.</param>
    /// <param name="resized">Pixels on this axis after the resize (before the crop).</param>
    /// <param name="offset">Where the crop starts in the resized axis.</param>
    /// <param name="output">Pixels the crop keeps.</param>
    public static ResampleAxis Create(int source, long resized, long offset, int output)
    {
        double scale = (double)source / resized;          // source pixels per resized pixel
        double filterScale = Math.Max(scale, 1.0);        // shrinking widens the triangle to cover every source pixel
        double support = filterScale;                     // the triangle's radius, in source pixels
        int taps = (int)Math.Ceiling(support) * 2 + 1;
        var starts = new int[output];
        var counts = new int[output];
        var weights = new float[output * taps];
        for (int i = 0; i < output; i++)
        {
            double center = (i + offset + 0.5) * scale;
            int first = (int)Math.Clamp(center - support + 0.5, 0, source - 1);
            int end = (int)Math.Clamp(center + support + 0.5, first + 1, source);
            double sum = 0;
            for (int s = first; s < end; s++)
            {
                double w = Math.Max(0, 1 - Math.Abs((s + 0.5 - center) / filterScale));
                weights[(i * taps) + s - first] = (float)w;
                sum += w;
            }

            if (sum <= 0)
            {
                // Only when a single source pixel sits exactly on the triangle's edge: take it whole.
                end = first + 1;
                weights[i * taps] = 1;
                sum = 1;
            }

            for (int k = 0; k < end - first; k++)
            {
                weights[(i * taps) + k] = (float)(weights[(i * taps) + k] / sum);
            }

            starts[i] = first;
            counts[i] = end - first;
        }

        return new ResampleAxis(starts, counts, weights, taps);
    }
}

using LlmOs.Engine.Vision;

namespace LlmOs.Bench;

public static partial class VisionBench
{
    /// <summary>
    /// The two ways of classifying the photos (round-robin from an offset), each doing the same work per image: decode
    /// the JPEG bytes, classify, keep the top <see cref="Top"/>. Both return each image's top-1 label.
    /// </summary>
    private sealed class ClassifyPaths(IImageDecoder decoder, IImageClassifier classifier, HttpClient http, byte[][] jpegs)
    {
        public int Photos => jpegs.Length;

        /// <summary>Decodes <paramref name="batch"/> photos and classifies them in one <see cref="IImageClassifier.ClassifyAsync"/>.</summary>
        public async Task<string[]> InProcessAsync(int offset, int batch, CancellationToken cancellationToken)
        {
            var images = new RgbImage[batch];
            for (int i = 0; i < batch; i++)
            {
                images[i] = decoder.Decode(jpegs[(offset + i) % jpegs.Length], ImageLimits.Default);
            }

            var labels = await classifier.ClassifyAsync(images, Top, cancellationToken);
            return [.. labels.Select(l => l.Count > 0 ? l[0].Label : throw new InvalidOperationException("the classifier answered no label"))];
        }

        /// <summary><paramref name="batch"/> concurrent <c>POST /v1/images/classify</c> requests, one photo each.</summary>
        public async Task<string[]> DaemonAsync(int offset, int batch, CancellationToken cancellationToken) =>
            batch == 1
                ? [await ClassifyThroughDaemonAsync(http, jpegs[offset % jpegs.Length], cancellationToken)]
                : await Task.WhenAll(Enumerable.Range(offset, batch).Select(i => ClassifyThroughDaemonAsync(http, jpegs[i % jpegs.Length], cancellationToken)));
    }
}

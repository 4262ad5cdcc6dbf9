namespace LlmOs.Engine.Vision;

/// <summary>The <c>k</c> most probable classes of one image, best first.</summary>
internal static class TopLabels
{
    public static LabelScore[] Pick(ReadOnlySpan<float> probabilities, string[] labels, int k)
    {
        // k is small (5 by default) against 1,000 classes: an insertion into a sorted k-array beats sorting them all.
        Span<int> best = k <= 64 ? stackalloc int[k] : new int[k];
        int held = 0;
        for (int c = 0; c < probabilities.Length; c++)
        {
            float p = probabilities[c];
            if (held == k && !(p > probabilities[best[k - 1]]))
            {
                continue;
            }

            int at = held == k ? k - 1 : held++;
            while (at > 0 && p > probabilities[best[at - 1]])
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = c;
        }

        var result = new LabelScore[held];
        for (int i = 0; i < held; i++)
        {
            result[i] = new LabelScore(labels[best[i]], probabilities[best[i]]);
        }

        return result;
    }
}

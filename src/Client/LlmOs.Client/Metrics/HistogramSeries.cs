namespace LlmOs.Client.Metrics;

/// <summary>
/// One labelled series of a histogram: its buckets (by upper bound, ending with <c>+Inf</c>), sum and count.
/// Quantiles are estimated from the buckets the way PromQL's <c>histogram_quantile</c> does.
/// </summary>
public sealed record HistogramSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<HistogramBucket> Buckets, double Sum, double Count)
{
    /// <summary>The mean observation, or NaN without observations.</summary>
    public double Mean => Count > 0 ? Sum / Count : double.NaN;

    /// <summary>
    /// Estimates the <paramref name="q"/>-quantile (0..1): finds the bucket the rank falls in and interpolates
    /// linearly inside it, assuming observations spread evenly there. The first bucket starts at 0 (or at its bound
    /// when that is negative); a rank in the <c>+Inf</c> bucket answers the largest finite bound. NaN without observations.
    /// </summary>
    public double Quantile(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        if (Buckets.Count == 0)
        {
            return double.NaN;
        }

        double total = Buckets[^1].CumulativeCount;
        if (total <= 0)
        {
            return double.NaN;
        }

        double rank = q * total;
        int index = 0;
        while (index < Buckets.Count - 1 && Buckets[index].CumulativeCount < rank)
        {
            index++;
        }

        var bucket = Buckets[index];
        if (double.IsPositiveInfinity(bucket.UpperBound))
        {
            return index > 0 ? Buckets[index - 1].UpperBound : double.NaN;
        }

        double lower = index > 0 ? Buckets[index - 1].UpperBound : Math.Min(0, bucket.UpperBound);
        double countBelow = index > 0 ? Buckets[index - 1].CumulativeCount : 0;
        double inBucket = bucket.CumulativeCount - countBelow;
        return inBucket <= 0 ? bucket.UpperBound : lower + ((bucket.UpperBound - lower) * (rank - countBelow) / inBucket);
    }

    /// <summary>
    /// What was observed since <paramref name="earlier"/>, a scrape of the same series: the difference of every bucket,
    /// the sum and the count. When the buckets differ or a count went down (the daemon restarted), this series as it is.
    /// </summary>
    public HistogramSeries Since(HistogramSeries? earlier)
    {
        if (earlier is null || earlier.Count > Count || !SameBounds(earlier))
        {
            return this;
        }

        var buckets = new HistogramBucket[Buckets.Count];
        for (int i = 0; i < buckets.Length; i++)
        {
            buckets[i] = Buckets[i] with { CumulativeCount = Buckets[i].CumulativeCount - earlier.Buckets[i].CumulativeCount };
        }

        return this with { Buckets = buckets, Sum = Sum - earlier.Sum, Count = Count - earlier.Count };
    }

    /// <summary>Adds up series with the same buckets (for example every model's), under no labels; null when there are none.</summary>
    public static HistogramSeries? Merge(IEnumerable<HistogramSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        HistogramSeries? total = null;
        foreach (var one in series)
        {
            if (total is null)
            {
                total = one with { Labels = new Dictionary<string, string>() };
                continue;
            }

            if (!total.SameBounds(one))
            {
                throw new ArgumentException("histograms with different buckets cannot be added up", nameof(series));
            }

            var buckets = new HistogramBucket[total.Buckets.Count];
            for (int i = 0; i < buckets.Length; i++)
            {
                buckets[i] = total.Buckets[i] with { CumulativeCount = total.Buckets[i].CumulativeCount + one.Buckets[i].CumulativeCount };
            }

            total = total with { Buckets = buckets, Sum = total.Sum + one.Sum, Count = total.Count + one.Count };
        }

        return total;
    }

    private bool SameBounds(HistogramSeries other)
    {
        if (other.Buckets.Count != Buckets.Count)
        {
            return false;
        }

        for (int i = 0; i < Buckets.Count; i++)
        {
            if (!Buckets[i].UpperBound.Equals(other.Buckets[i].UpperBound))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Globalization;

namespace LlmOs.Client.Metrics;

/// <summary>One scrape of <c>GET /metrics</c>, parsed: its families in the order they came, and lookups by name and labels.</summary>
public sealed class MetricsSnapshot
{
    private readonly Dictionary<string, MetricFamily> _byName;

    public MetricsSnapshot(IReadOnlyList<MetricFamily> families)
    {
        Families = families;
        _byName = families.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<MetricFamily> Families { get; }

    public MetricFamily? Family(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The samples with exactly this name (for a histogram, ask for <c>name_bucket</c>, <c>name_sum</c> or <c>name_count</c>).</summary>
    public IEnumerable<MetricSample> Samples(string name) =>
        Families.SelectMany(f => f.Samples).Where(s => s.Name == name);

    /// <summary>The value of the first sample of this name that has these labels; null when there is none.</summary>
    public double? Value(string name, params ReadOnlySpan<(string Name, string Value)> labels)
    {
        foreach (var family in Families)
        {
            foreach (var sample in family.Samples)
            {
                if (sample.Name == name && sample.HasLabels(labels))
                {
                    return sample.Value;
                }
            }
        }

        return null;
    }

    /// <summary>The sum over every sample of this name that has these labels (0 when there is none).</summary>
    public double Sum(string name, params ReadOnlySpan<(string Name, string Value)> labels)
    {
        double sum = 0;
        foreach (var family in Families)
        {
            foreach (var sample in family.Samples)
            {
                if (sample.Name == name && sample.HasLabels(labels))
                {
                    sum += sample.Value;
                }
            }
        }

        return sum;
    }

    /// <summary>The series of a histogram family, one per set of labels (other than <c>le</c>), buckets sorted by bound.</summary>
    public IReadOnlyList<HistogramSeries> Histograms(string name)
    {
        if (Family(name) is not { Type: MetricType.Histogram } family)
        {
            return [];
        }

        var series = new Dictionary<string, (Dictionary<string, string> Labels, List<HistogramBucket> Buckets, double Sum, double Count)>(StringComparer.Ordinal);
        foreach (var sample in family.Samples)
        {
            var labels = sample.Labels.Where(l => l.Key != "le").ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
            string key = string.Join('\u0001', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "\u0002" + l.Value));
            if (!series.TryGetValue(key, out var entry))
            {
                entry = (labels, [], double.NaN, double.NaN);
            }

            if (sample.Name == name + "_bucket" && sample.Label("le") is { } le && TryParseValue(le, out double bound))
            {
                entry.Buckets.Add(new HistogramBucket(bound, sample.Value));
            }
            else if (sample.Name == name + "_sum")
            {
                entry.Sum = sample.Value;
            }
            else if (sample.Name == name + "_count")
            {
                entry.Count = sample.Value;
            }

            series[key] = entry;
        }

        return [.. series.Values.Select(s => new HistogramSeries(
            s.Labels,
            [.. s.Buckets.OrderBy(b => b.UpperBound)],
            s.Sum,
            double.IsNaN(s.Count) && s.Buckets.Count > 0 ? s.Buckets.Max(b => b.CumulativeCount) : s.Count))];
    }

    /// <summary>A sample value as the text format writes it: a float, or <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
    internal static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf" or "Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !text.Contains("Infinity", StringComparison.Ordinal);
        }
    }
}

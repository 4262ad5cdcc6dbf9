using LlmOs.Client.Metrics;

namespace LlmOs.Daemon.Tests;

/// <summary>Quantiles estimated from histogram buckets (as PromQL's histogram_quantile), windows and sums of series.</summary>
public sealed class HistogramQuantileTests
{
    private static readonly Dictionary<string, string> NoLabels = [];

    private static HistogramSeries Series(params (double Bound, double Cumulative)[] buckets) =>
        new(NoLabels, [.. buckets.Select(b => new HistogramBucket(b.Bound, b.Cumulative))], Sum: 0, Count: buckets[^1].Cumulative);

    [Fact]
    public void Interpolates_linearly_inside_the_bucket_the_rank_falls_in()
    {
        var series = Series((0.1, 10), (0.2, 30), (0.4, 40), (double.PositiveInfinity, 40));

        Assert.Equal(0.15, series.Quantile(0.5), 9);  // rank 20: halfway through (0.1, 0.2], which holds 10..30
        Assert.Equal(0.36, series.Quantile(0.95), 9); // rank 38: 8 of the 10 in (0.2, 0.4]
        Assert.Equal(0.4, series.Quantile(1), 9);
        Assert.Equal(0.1, series.Quantile(0.25), 9);  // rank 10: exactly the top of the first bucket
    }

    [Fact]
    public void The_first_bucket_starts_at_zero_and_the_inf_bucket_answers_the_largest_finite_bound()
    {
        Assert.Equal(0.05, Series((0.1, 10), (double.PositiveInfinity, 10)).Quantile(0.5), 9);
        Assert.Equal(0.1, Series((0.1, 1), (double.PositiveInfinity, 10)).Quantile(0.95), 9);
    }

    [Fact]
    public void Without_observations_the_estimate_is_NaN_and_a_q_outside_0_to_1_is_refused()
    {
        Assert.True(double.IsNaN(Series((0.1, 0), (double.PositiveInfinity, 0)).Quantile(0.5)));
        Assert.True(double.IsNaN(new HistogramSeries(NoLabels, [], 0, 0).Quantile(0.5)));
        Assert.True(double.IsNaN(new HistogramSeries(NoLabels, [], 0, 0).Mean));
        Assert.Throws<ArgumentOutOfRangeException>(() => Series((1, 1)).Quantile(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Series((1, 1)).Quantile(-0.1));
    }

    [Fact]
    public void Since_keeps_what_was_observed_after_an_earlier_scrape()
    {
        var earlier = Series((0.1, 10), (1, 10), (double.PositiveInfinity, 10)) with { Sum = 0.5 };
        var now = Series((0.1, 10), (1, 20), (double.PositiveInfinity, 20)) with { Sum = 5.5 };

        var window = now.Since(earlier);

        Assert.Equal([0.0, 10, 10], window.Buckets.Select(b => b.CumulativeCount));
        Assert.Equal(10, window.Count);
        Assert.Equal(5, window.Sum, 9);
        Assert.Equal(0.55, window.Quantile(0.5), 9); // all ten in (0.1, 1]: the median is halfway
        Assert.Same(now, now.Since(null));
        Assert.Same(earlier, earlier.Since(now)); // a count that went down: the daemon restarted
        Assert.Same(now, now.Since(Series((0.5, 1), (double.PositiveInfinity, 1))));
    }

    [Fact]
    public void Merge_adds_up_series_with_the_same_buckets()
    {
        var a = new HistogramSeries(new Dictionary<string, string> { ["model"] = "a" }, [new(0.1, 1), new(double.PositiveInfinity, 2)], 1, 2);
        var b = new HistogramSeries(new Dictionary<string, string> { ["model"] = "b" }, [new(0.1, 3), new(double.PositiveInfinity, 3)], 0.2, 3);

        var total = HistogramSeries.Merge([a, b])!;

        Assert.Empty(total.Labels);
        Assert.Equal([4.0, 5], total.Buckets.Select(x => x.CumulativeCount));
        Assert.Equal(1.2, total.Sum, 9);
        Assert.Equal(5, total.Count);
        Assert.Null(HistogramSeries.Merge([]));
        Assert.Throws<ArgumentException>(() => HistogramSeries.Merge([a, Series((0.5, 1), (double.PositiveInfinity, 1))]));
    }
}

using LlmOs.Client.Metrics;

namespace LlmOs.Daemon.Tests;

/// <summary>The client's parser of the Prometheus text format: what it reads, and what it refuses.</summary>
public sealed class PrometheusTextTests
{
    [Fact]
    public void Reads_names_labels_escapes_special_values_and_timestamps()
    {
        var snapshot = PrometheusText.Parse("""
            # A free comment is ignored
            # HELP requests_total Requests\nhandled, with a \\ backslash
            # TYPE requests_total counter
            requests_total{method="post",path="/a \"quoted\" \\ back\nslash",} 1027 1395066363000
            requests_total{ method = "get" } 3

            # TYPE temperature gauge
            temperature -1.5e3
            temperature{where="outside"} +Inf
            temperature{where="inside"} NaN
            temperature{where="space"} -Inf
            no_type_line 42
            """.Replace("\n", "\r\n", StringComparison.Ordinal));

        var requests = snapshot.Family("requests_total")!;
        Assert.Equal(MetricType.Counter, requests.Type);
        Assert.Equal("Requests\nhandled, with a \\ backslash", requests.Help);
        Assert.Equal(2, requests.Samples.Count);
        var post = requests.Samples[0];
        Assert.Equal("post", post.Label("method"));
        Assert.Equal("/a \"quoted\" \\ back\nslash", post.Label("path"));
        Assert.Equal(1027, post.Value);
        Assert.Equal(1395066363000, post.TimestampMs);
        Assert.Equal(3, snapshot.Value("requests_total", ("method", "get")));
        Assert.Null(requests.Samples[1].TimestampMs);
        Assert.Equal(1030, snapshot.Sum("requests_total"));

        Assert.Equal(-1500, snapshot.Value("temperature"));
        Assert.Equal(double.PositiveInfinity, snapshot.Value("temperature", ("where", "outside")));
        Assert.True(double.IsNaN(snapshot.Value("temperature", ("where", "inside"))!.Value));
        Assert.Equal(double.NegativeInfinity, snapshot.Value("temperature", ("where", "space")));
        Assert.Null(snapshot.Value("temperature", ("where", "nowhere")));

        Assert.Equal(MetricType.Untyped, snapshot.Family("no_type_line")!.Type);
        Assert.Equal(["requests_total", "temperature", "no_type_line"], snapshot.Families.Select(f => f.Name));
    }

    [Fact]
    public void Histogram_samples_belong_to_their_family_and_form_one_series_per_label_set()
    {
        var snapshot = PrometheusText.Parse("""
            # TYPE latency_seconds histogram
            latency_seconds_sum{model="a"} 1.5
            latency_seconds_count{model="a"} 4
            latency_seconds_bucket{model="a",le="0.5"} 2
            latency_seconds_bucket{model="a",le="+Inf"} 4
            latency_seconds_bucket{model="a",le="0.1"} 1
            latency_seconds_sum{model="b"} 0
            latency_seconds_count{model="b"} 0
            latency_seconds_bucket{model="b",le="0.1"} 0
            latency_seconds_bucket{model="b",le="0.5"} 0
            latency_seconds_bucket{model="b",le="+Inf"} 0
            # TYPE rpc summary
            rpc{quantile="0.5"} 2
            rpc_sum 10
            rpc_count 5
            """);

        Assert.Equal(["latency_seconds", "rpc"], snapshot.Families.Select(f => f.Name));
        Assert.Equal(10, snapshot.Family("latency_seconds")!.Samples.Count);
        Assert.Equal(3, snapshot.Family("rpc")!.Samples.Count);

        var series = snapshot.Histograms("latency_seconds");
        Assert.Equal(2, series.Count);
        var a = Assert.Single(series, s => s.Labels["model"] == "a");
        Assert.DoesNotContain("le", a.Labels.Keys);
        Assert.Equal([0.1, 0.5, double.PositiveInfinity], a.Buckets.Select(b => b.UpperBound)); // sorted by bound
        Assert.Equal([1.0, 2, 4], a.Buckets.Select(b => b.CumulativeCount));
        Assert.Equal(1.5, a.Sum);
        Assert.Equal(4, a.Count);
        Assert.Equal(0.375, a.Mean);
        Assert.Empty(snapshot.Histograms("rpc")); // a summary is no histogram
    }

    [Theory]
    [InlineData("metric", 1, "without a value")]
    [InlineData("metric 1 2 3", 1, "after the timestamp")]
    [InlineData("metric one", 1, "not a number")]
    [InlineData("metric 1 soon", 1, "not a timestamp")]
    [InlineData("metric Infinity", 1, "not a number")]
    [InlineData("1metric 1", 1, "metric name")]
    [InlineData("ok 1\nmetric{a=\"1\" 2", 2, "expected ','")]
    [InlineData("metric{a=1} 2", 1, "expected '\"'")]
    [InlineData("metric{a=\"1} 2", 1, "closing quote")]
    [InlineData("metric{a=\"1\",a=\"2\"} 2", 1, "twice")]
    [InlineData("metric{=\"1\"} 2", 1, "label name")]
    [InlineData("# TYPE metric meter", 1, "unknown metric type")]
    [InlineData("# TYPE metric counter\n# TYPE metric counter", 2, "second TYPE")]
    [InlineData("# HELP metric a\n# HELP metric b", 2, "second HELP")]
    [InlineData("metric 1\n# TYPE metric gauge", 2, "after its samples")]
    [InlineData("h_bucket{le=\"1\"} 1\n# TYPE h histogram", 2, "after its samples")]
    [InlineData("# TYPE 9lives gauge", 1, "not a metric name")]
    public void Refuses_a_malformed_document_and_names_the_line(string text, int line, string reason)
    {
        var e = Assert.Throws<FormatException>(() => PrometheusText.Parse(text));
        Assert.StartsWith($"line {line}: ", e.Message);
        Assert.Contains(reason, e.Message);
    }
}

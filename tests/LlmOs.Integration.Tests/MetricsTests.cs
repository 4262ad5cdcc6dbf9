using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LlmOs.Client.Metrics;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests;

/// <summary>GET /metrics on the real daemon: valid Prometheus text whose counters move, and llmosctl top reading it.</summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class MetricsTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task Metrics_are_prometheus_text_and_a_generation_moves_the_task_counter_by_one()
    {
        var before = await ScrapeAsync();
        double completedBefore = before.Value("llmos_tasks_total", ("kind", "generate"), ("outcome", "completed"))!.Value;

        using (var response = await _daemon.Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(TaskWire.Generate("Once upon a time", 8))))
        {
            Assert.Equal("completed", (await TaskWire.ReadTaskAsync(response)).State);
        }

        var after = await ScrapeAsync();
        Assert.Equal(completedBefore + 1, after.Value("llmos_tasks_total", ("kind", "generate"), ("outcome", "completed")));
        Assert.Equal(before.Sum("llmos_tasks_total") + 1, after.Sum("llmos_tasks_total"));
        Assert.Equal(0, after.Value("llmos_queue_depth", ("priority", "interactive")));
        Assert.Equal(0, after.Value("llmos_queue_depth", ("priority", "background")));
        Assert.Equal(0, after.Value("llmos_tasks_running"));

        // The model stays in memory after its task (keep-alive), and its size is exported.
        Assert.True(after.Value("llmos_model_resident_bytes", ("model", "stories260K")) > 0);
        Assert.Equal(0, after.Value("llmos_model_active_sequences", ("model", "stories260K")));

        foreach (var (name, type) in new[]
        {
            ("llmos_tasks_total", MetricType.Counter), ("llmos_queue_depth", MetricType.Gauge), ("llmos_tasks_running", MetricType.Gauge),
            ("llmos_tokens_generated_total", MetricType.Counter), ("llmos_time_to_first_token_seconds", MetricType.Histogram),
            ("llmos_token_interval_seconds", MetricType.Histogram), ("llmos_model_load_seconds", MetricType.Histogram),
            ("llmos_model_resident_bytes", MetricType.Gauge), ("llmos_model_active_sequences", MetricType.Gauge),
        })
        {
            Assert.Equal(type, after.Family(name)?.Type);
        }

        var client = await _daemon.Client.GetMetricsAsync();
        Assert.Equal(after.Value("llmos_tasks_total", ("kind", "generate"), ("outcome", "completed")), client.Value("llmos_tasks_total", ("kind", "generate"), ("outcome", "completed")));
    }

    [Fact]
    public async Task Top_once_and_json_show_what_the_metrics_say()
    {
        await _daemon.Client.GenerateAsync("Once upon a time", new Ipc.Tasks.TaskOptions(MaxTokens: 4, Temperature: 0));
        var metrics = await _daemon.Client.GetMetricsAsync();

        var once = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "top", "--once");
        Assert.Equal(0, once.ExitCode);
        Assert.DoesNotContain("\u001b", once.Stdout); // one frame, no screen control
        Assert.Contains("queued: interactive 0  background 0", once.Stdout);
        Assert.Matches(@"generate: \d+ completed", once.Stdout);
        Assert.Matches(@"(?m)^stories260K\s+\d", once.Stdout);

        var json = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "top", "--json");
        Assert.Equal(0, json.ExitCode);
        var figures = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal(0, figures.GetProperty("queue_depth").GetProperty("interactive").GetDouble());
        Assert.Equal(0, figures.GetProperty("queue_depth").GetProperty("background").GetDouble());
        Assert.Equal(0, figures.GetProperty("tasks_running").GetDouble());
        var completed = figures.GetProperty("tasks").EnumerateArray()
            .Single(t => t.GetProperty("kind").GetString() == "generate" && t.GetProperty("outcome").GetString() == "completed");
        Assert.Equal(metrics.Value("llmos_tasks_total", ("kind", "generate"), ("outcome", "completed")), completed.GetProperty("count").GetDouble());
        var model = Assert.Single(figures.GetProperty("models").EnumerateArray());
        Assert.Equal("stories260K", model.GetProperty("name").GetString());
        Assert.Equal(metrics.Value("llmos_model_resident_bytes", ("model", "stories260K")), model.GetProperty("resident_bytes").GetDouble());
        Assert.True(figures.GetProperty("process").GetProperty("working_set_bytes").GetDouble() > 0);
    }

    [Fact]
    public async Task Top_redraws_every_interval_into_a_pipe_and_ctrl_c_exits_0()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[TestPaths.Llmosctl, "--socket", _daemon.Socket, "top", "--interval", "0.2"])
        {
            start.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        var stderr = process.StandardError.ReadToEndAsync();
        string Frames()
        {
            lock (output)
            {
                return output.ToString();
            }
        }

        // Wait for two frames (start-up takes a while on a busy machine), then press Ctrl-C.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (FrameHeader().Count(Frames()) < 2 && !process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        if (process.HasExited)
        {
            Assert.Fail($"llmosctl top exited with {process.ExitCode}: {await stderr}");
        }

        await ProcessRunner.SignalAsync(process.Id, "INT");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await stderr);
        string frames = Frames();
        Assert.True(FrameHeader().Count(frames) >= 2, frames);
        Assert.DoesNotContain("\u001b", frames); // not a terminal: frames follow one another, no clearing
    }

    [Fact]
    public async Task Top_refuses_a_bad_interval_as_a_usage_error()
    {
        var result = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "top", "--interval", "0");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--interval", result.Stderr);
    }

    /// <summary>
    /// Scrapes the raw text and checks it line by line, independently of the client's parser: every line is a comment,
    /// blank, or <c>name{labels} value</c>; a family's TYPE comes before its samples; then parses it for the values.
    /// </summary>
    private async Task<MetricsSnapshot> ScrapeAsync()
    {
        using var response = await _daemon.Http.GetAsync("metrics");
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        string text = await response.Content.ReadAsStringAsync();

        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        var sampled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (TypeLine().Match(line) is { Success: true } type)
            {
                Assert.DoesNotContain(type.Groups[1].Value, sampled);
                Assert.True(typed.TryAdd(type.Groups[1].Value, type.Groups[2].Value), $"a second TYPE: {line}");
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"not a sample line: {line}");
            string name = sample.Groups[1].Value;
            string family = typed.ContainsKey(name) ? name : Regex.Replace(name, "_(bucket|sum|count)$", "");
            Assert.True(typed.ContainsKey(family), $"no TYPE before {line}");
            sampled.Add(family);
        }

        Assert.Contains("llmos_tasks_total", typed.Keys);
        return PrometheusText.Parse(text);
    }

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex("""^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})? (?:[-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?|\+Inf|-Inf|NaN)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?m)^llmosd at \d\d:\d\d:\d\d")]
    private static partial Regex FrameHeader();
}

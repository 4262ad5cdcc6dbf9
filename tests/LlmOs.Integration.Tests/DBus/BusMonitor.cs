using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>One message as <c>busctl monitor --json=short</c> printed it.</summary>
public sealed record MonitoredMessage(string Type, string? Path, string? Member, string? Destination, JsonElement[] Payload);

/// <summary>
/// <c>busctl monitor</c> on a bus: the bus's own eavesdropping (BecomeMonitor), which sees unicast messages too, so a
/// test can check what llmosd sent to whom without being the recipient.
/// </summary>
public sealed class BusMonitor : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private BusMonitor(Process process) => _process = process;

    public static async Task<BusMonitor> StartAsync(string address)
    {
        var start = new ProcessStartInfo("busctl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])["--address=" + address, "monitor", "--json=short"])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var monitor = new BusMonitor(process);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Monitoring", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data))
            {
                monitor._lines.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return monitor;
    }

    /// <summary>Lets the last messages arrive, stops the monitor and returns what it saw that <paramref name="match"/> takes.</summary>
    public async Task<List<MonitoredMessage>> StopAsync(Func<MonitoredMessage, bool> match)
    {
        await Task.Delay(300);
        _process.Kill();
        await _process.WaitForExitAsync();
        var messages = new List<MonitoredMessage>();
        foreach (string line in _lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var message = new MonitoredMessage(
                root.GetProperty("type").GetString()!,
                root.TryGetProperty("path", out var path) ? path.GetString() : null,
                root.TryGetProperty("member", out var member) ? member.GetString() : null,
                root.TryGetProperty("destination", out var destination) ? destination.GetString() : null,
                [.. root.GetProperty("payload").GetProperty("data").EnumerateArray().Select(e => e.Clone())]);
            if (match(message))
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}

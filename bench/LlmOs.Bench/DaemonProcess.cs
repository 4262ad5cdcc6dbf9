using System.Diagnostics;
using System.Text;
using LlmOs.Client;

namespace LlmOs.Bench;

/// <summary>The real llmosd as a child process, on a socket and data dir of its own under a temp dir.</summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private readonly Process _process;

    private DaemonProcess(Process process, string socket, string commandLine)
    {
        _process = process;
        Socket = socket;
        CommandLine = commandLine;
    }

    public string Socket { get; }

    public string CommandLine { get; }

    public int Pid => _process.Id;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <c>dotnet llmosd.dll --socket DIR/llmosd.sock --data-dir DIR/data</c> with the model copied into DIR/data/models,
    /// batching up to <paramref name="parallelSequences"/> generations per model (LLMOSD_PARALLELSEQUENCES).
    /// <paramref name="modelFiles"/> are further files copied into the models folder under the names given (a vision
    /// model and its <c>STEM.labels.json</c>, which the daemon finds there as it finds the GGUF).
    /// </summary>
    public static DaemonProcess Start(
        string llmosd, string modelPath, string dir, int threads, int parallelSequences, string busAddress, IReadOnlyList<(string Source, string Name)>? modelFiles = null)
    {
        string socket = Path.Combine(dir, "llmosd.sock");
        string data = Path.Combine(dir, "data");
        string models = Path.Combine(data, "models");
        Directory.CreateDirectory(models);
        File.Copy(modelPath, Path.Combine(models, Path.GetFileName(modelPath)));
        foreach (var file in modelFiles ?? [])
        {
            File.Copy(file.Source, Path.Combine(models, file.Name));
        }

        string[] args = [llmosd, "--socket", socket, "--data-dir", data];
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only our options count: never the machine's config file or LLMOSD_* variables.
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(dir, "config");
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("LLMOSD_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["LLMOSD_PARALLELSEQUENCES"] = parallelSequences.ToString();
        start.Environment["DBUS_SESSION_BUS_ADDRESS"] = busAddress; // the run's private bus: llmosd serves D-Bus there
        string environment = $"LLMOSD_PARALLELSEQUENCES={parallelSequences} ";
        if (threads > 0)
        {
            start.Environment["LLMOSD_THREADS"] = threads.ToString();
            environment += $"LLMOSD_THREADS={threads} ";
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var daemon = new DaemonProcess(process, socket, environment + "dotnet " + string.Join(' ', args));
        process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        process.ErrorDataReceived += (_, e) => daemon.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return daemon;
    }

    /// <summary>Polls GET /v1/health until it answers "ok"; returns how long that took.</summary>
    public async Task<TimeSpan> WaitUntilHealthyAsync(TimeSpan timeout)
    {
        long start = Stopwatch.GetTimestamp();
        using var client = LlmosClient.ForSocket(Socket);
        while (Stopwatch.GetElapsedTime(start) < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"llmosd exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                if ((await client.HealthAsync()).Status == "ok")
                {
                    return Stopwatch.GetElapsedTime(start);
                }
            }
            catch (Exception e) when (e is LlmosUnreachableException or HttpRequestException or IOException)
            {
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("llmosd did not answer /v1/health in time:\n" + Log);
    }

    /// <summary>SIGTERM (with the kill program), then waits; SIGKILL if it does not end in time. Returns the time taken and the exit code.</summary>
    public async Task<(TimeSpan Elapsed, int ExitCode, bool Killed)> TerminateAsync(TimeSpan timeout)
    {
        long start = Stopwatch.GetTimestamp();
        if (_process.HasExited)
        {
            return (TimeSpan.Zero, _process.ExitCode, false);
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString()]) { UseShellExecute = false }))
        {
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return (Stopwatch.GetElapsedTime(start), _process.ExitCode, false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            return (Stopwatch.GetElapsedTime(start), _process.ExitCode, true);
        }
    }

    /// <summary>SIGKILL at once (Ctrl-C on the benchmark).</summary>
    public void KillNow()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await TerminateAsync(TimeSpan.FromSeconds(15));
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}

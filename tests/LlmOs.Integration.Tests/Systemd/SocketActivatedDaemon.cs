using System.Diagnostics;
using System.Text;
using LlmOs.Client;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Systemd;

/// <summary>
/// The real llmosd started the way llmosd.socket starts it: <c>systemd-socket-activate</c> (Debian's systemd package; no
/// systemd as PID 1 needed) creates and listens on the socket file, and on the first connection execs llmosd in its own
/// process with the socket as descriptor 3 and <c>LISTEN_FDS</c>/<c>LISTEN_PID</c> set. Only the variables given with
/// <c>-E</c> reach llmosd, so the ones <see cref="DaemonProcess"/> sets are passed that way.
/// </summary>
internal sealed class SocketActivatedDaemon : IAsyncDisposable
{
    private readonly StringBuilder _log = new();

    private SocketActivatedDaemon(Process process, string socket)
    {
        Process = process;
        Socket = socket;
        Client = LlmosClient.ForSocket(socket);
    }

    public Process Process { get; }

    public string Socket { get; }

    public LlmosClient Client { get; }

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

    /// <summary>Starts systemd-socket-activate and waits until it listens on <c>llmosd.sock</c> in <paramref name="dir"/>; llmosd itself starts on the first connection.</summary>
    public static async Task<SocketActivatedDaemon> ListenAsync(TempDir dir)
    {
        string socket = dir.File("llmosd.sock");
        string data = dir.File("data");
        Directory.CreateDirectory(Path.Combine(data, "models"));
        File.Copy(TestPaths.Stories, Path.Combine(data, "models", "stories260K.gguf"));

        var environment = new Dictionary<string, string>
        {
            ["XDG_CONFIG_HOME"] = dir.File("config"),
            ["LLMOSD_WARMUPINTENTS"] = "false",
            ["LLMOSD_SHUTDOWNGRACESECONDS"] = "2",
        };
        foreach (string inherited in (string[])["PATH", "HOME", "DOTNET_ROOT", "LLMOS_TEST_MODELS"])
        {
            if (Environment.GetEnvironmentVariable(inherited) is { Length: > 0 } value)
            {
                environment[inherited] = value;
            }
        }

        var start = new ProcessStartInfo("systemd-socket-activate")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--listen=" + socket);
        foreach (var (key, value) in environment)
        {
            start.ArgumentList.Add($"--setenv={key}={value}");
        }

        foreach (string arg in (string[])["dotnet", TestPaths.Llmosd, "--socket", socket, "--data-dir", data, "--bus", "none"])
        {
            start.ArgumentList.Add(arg);
        }

        var daemon = new SocketActivatedDaemon(Process.Start(start)!, socket);
        daemon.Process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        daemon.Process.ErrorDataReceived += (_, e) => daemon.Append(e.Data);
        daemon.Process.BeginOutputReadLine();
        daemon.Process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!daemon.Log.Contains("Listening on", StringComparison.Ordinal))
        {
            if (daemon.Process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("systemd-socket-activate did not listen:\n" + daemon.Log);
            }

            await Task.Delay(20);
        }

        return daemon;
    }

    /// <summary>SIGTERM to llmosd (systemd-socket-activate became llmosd by exec), then waits for it to end.</summary>
    public async Task<int> TerminateAsync()
    {
        await ProcessRunner.SignalAsync(Process.Id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Process.WaitForExitAsync(timeout.Token);
        return Process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            try
            {
                await TerminateAsync();
            }
            catch (Exception)
            {
                Process.Kill(entireProcessTree: true);
            }
        }

        Client.Dispose();
        Process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}

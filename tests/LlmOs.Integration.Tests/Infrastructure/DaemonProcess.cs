using System.Diagnostics;
using System.Text;
using LlmOs.Client;

namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>
/// The real llmosd, started as a process on a socket and data dir of its own (with the test model
/// in its models folder unless told otherwise), and everything a test needs to talk to it.
/// </summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private readonly TempDir? _ownedDir;

    private DaemonProcess(Process process, string socket, string dataDir, TempDir? ownedDir)
    {
        Process = process;
        Socket = socket;
        DataDir = dataDir;
        _ownedDir = ownedDir;
        Client = LlmosClient.ForSocket(socket);
        Http = UnixHttp.Create(socket);
    }

    public Process Process { get; }

    public string Socket { get; }

    public string DataDir { get; }

    public LlmosClient Client { get; }

    public HttpClient Http { get; }

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

    public sealed record Options
    {
        public IReadOnlyList<string> Args { get; init; } = [];

        public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

        public bool WithModel { get; init; } = true;

        /// <summary>Put socket and data here instead of a fresh temp dir (the caller cleans up).</summary>
        public string? Directory { get; init; }

        public string? Socket { get; init; }

        public bool WaitUntilHealthy { get; init; } = true;

        /// <summary>
        /// The D-Bus bus the daemon joins as its session bus (a <see cref="PrivateBus"/>'s address). Without one the
        /// daemon runs with <c>--bus none</c>, so that no test ever touches the machine's own session or system bus.
        /// </summary>
        public string? BusAddress { get; init; }
    }

    public static async Task<DaemonProcess> StartAsync(Options? options = null)
    {
        options ??= new Options();
        var ownedDir = options.Directory is null ? new TempDir() : null;
        string dir = options.Directory ?? ownedDir!.Path;
        string socket = options.Socket ?? Path.Combine(dir, "llmosd.sock");
        string data = Path.Combine(dir, "data");
        Directory.CreateDirectory(Path.Combine(data, "models"));
        if (options.WithModel && !File.Exists(Path.Combine(data, "models", "stories260K.gguf")))
        {
            File.Copy(TestPaths.Stories, Path.Combine(data, "models", "stories260K.gguf"));
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] bus = options.Args.Contains("--bus") ? [] : ["--bus", options.BusAddress is null ? "none" : "session"];
        foreach (var arg in (string[])[TestPaths.Llmosd, "--socket", socket, "--data-dir", data, .. bus, .. options.Args])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(dir, "config"); // never read the machine's own config

        // The start-up embedding of the intents' examples would add root's embed tasks to every test's task lists and
        // counters, and a second of CPU to each of the suite's many daemons; SemanticWarmUpTests turns it on.
        start.Environment["LLMOSD_WARMUPINTENTS"] = "false";
        start.Environment["LLMOSD_CONTEXTSIZE"] = LongGeneration.Context.ToString();
        start.Environment["LLMOSD_MAXTOKENSLIMIT"] = LongGeneration.Context.ToString();
        // A test's end (SIGTERM) need not wait the default 10 s for a LongGeneration it left running.
        start.Environment["LLMOSD_SHUTDOWNGRACESECONDS"] = "2";
        if (options.BusAddress is not null)
        {
            start.Environment["DBUS_SESSION_BUS_ADDRESS"] = options.BusAddress;
        }

        foreach (var (key, value) in options.Environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var daemon = new DaemonProcess(process, socket, data, ownedDir);
        process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        process.ErrorDataReceived += (_, e) => daemon.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (options.WaitUntilHealthy)
        {
            await daemon.WaitUntilHealthyAsync();
        }

        return daemon;
    }

    public async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"llmosd exited with {Process.ExitCode}:\n{Log}");
            }

            try
            {
                if ((await Client.HealthAsync()).Status == "ok")
                {
                    return;
                }
            }
            catch (LlmosUnreachableException)
            {
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("llmosd did not become healthy:\n" + Log);
    }

    /// <summary>SIGTERM, then wait for the process to end; returns how long it took.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        await ProcessRunner.SignalAsync(Process.Id);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await Process.WaitForExitAsync(cts.Token);
        return watch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            try
            {
                await TerminateAsync(TimeSpan.FromSeconds(20));
            }
            catch (Exception)
            {
                Process.Kill(entireProcessTree: true);
            }
        }

        Client.Dispose();
        Http.Dispose();
        Process.Dispose();
        _ownedDir?.Dispose();
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

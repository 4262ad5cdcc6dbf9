namespace LlmOs.Bench;

/// <summary>Prints the figures of one run as tables. Nothing here judges time except the stated ratio targets.</summary>
public sealed partial record Report(
    BenchOptions Options,
    string Model,
    int? ContextLength,
    string LoadAverage,
    TimeSpan InProcessLoad,
    TimeSpan DaemonReady,
    GenerationRounds Generation,
    TtftBench.Result TtftAlone,
    TtftBench.Result TtftBusy,
    HealthBench.Result Health1,
    HealthBench.Result Health16,
    (TimeSpan Elapsed, int ExitCode, bool Killed) Stopped)
{
    /// <summary>Issue 3: the daemon's single stream keeps at least this share of the in-process rate.</summary>
    public const double RatioTarget = 0.95;

    private List<GenerationRun> InProcess => Generation.InProcess;

    private List<GenerationRun> Daemon => Generation.Daemon;

    private GenerationRun InProcessWarmup => Generation.InProcessWarmup;

    private GenerationRun DaemonWarmup => Generation.DaemonWarmup;

    /// <summary>Prints the report; returns whether every stream gave the single-stream in-process text.</summary>
    public bool Print()
    {
        string threads = Options.Threads > 0 ? Options.Threads.ToString() : $"llmosd's default ({LlmOs.Engine.Llama.LlamaBackend.DefaultThreads})";
        Console.WriteLine("llmos benchmark");
        Console.WriteLine($"  machine:  {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, {BenchPaths.Configuration} build, load average at start {LoadAverage}");
        Console.WriteLine($"  model:    {Model} ({new FileInfo(Model).Length / 1024.0 / 1024.0:F1} MB, trained context {ContextLength?.ToString() ?? "?"})");
        Console.WriteLine($"  workload: prompt \"{BenchOptions.Prompt}\", greedy (temperature 0, seed 1), max {Options.Tokens} tokens, llama.cpp threads: {threads}, llmosd ParallelSequences {BenchOptions.ParallelSequences}");
        Console.WriteLine($"            {Options.Runs} timed rounds after 1 warm-up; in each round every path and stream count runs once, one after another");
        Console.WriteLine();

        Console.WriteLine("Generation: tokens/s per run (wall time from the call or the submit to the last piece or the final event)");
        string runHeader = string.Concat(Enumerable.Range(1, Options.Runs).Select(i => $"{"run " + i,9}"));
        Console.WriteLine($"  {"path",-28}{"tokens",7}{"finish",8}{runHeader}{"median",9}{"median ms",11}{"1st text ms",13}{"CPU ms/run",12}{"CPU µs/tok",12}");
        Row("in-process (1-seq context)", InProcess);
        Row("daemon (socket, SSE stream)", Daemon);

        double inMedian = Stats.Median([.. InProcess.Select(r => r.TokensPerSecond)]);
        double daemonMedian = Stats.Median([.. Daemon.Select(r => r.TokensPerSecond)]);
        double ratio = daemonMedian / inMedian;
        double pairedRatio = Stats.Median([.. InProcess.Zip(Daemon, (i, d) => d.TokensPerSecond / i.TokensPerSecond)]);
        Console.WriteLine();
        Console.WriteLine($"  daemon / in-process, median tok/s: {ratio:F2}  (target >= {RatioTarget:F2}: {(ratio >= RatioTarget ? "met" : "NOT met")}; median of the {Options.Runs} run-by-run ratios: {pairedRatio:F2})");

        int tokens = Math.Max(Daemon[0].Tokens, 1);
        double inMs = Stats.Median([.. InProcess.Select(r => r.Elapsed.TotalMilliseconds)]);
        double daemonMs = Stats.Median([.. Daemon.Select(r => r.Elapsed.TotalMilliseconds)]);
        double inCpu = InProcess.Average(r => r.Cpu.TotalMilliseconds);
        double daemonCpu = Daemon.Average(r => r.Cpu.TotalMilliseconds);
        Console.WriteLine($"  daemon path's extra cost per generation: wall {daemonMs - inMs:F1} ms median ({(daemonMs - inMs) * 1000 / tokens:F1} µs/token), CPU {daemonCpu - inCpu:F1} ms ({(daemonCpu - inCpu) * 1000 / tokens:F1} µs/token)");
        double serverCpu = Daemon.Average(r => r.ServerCpu.TotalMilliseconds);
        Console.WriteLine($"    daemon path's CPU per run: llmosd {serverCpu:F1} ms (its /proc/<pid>/stat, 10 ms ticks) + this client {daemonCpu - serverCpu:F1} ms (HTTP, SSE parsing); in-process: {inCpu:F1} ms");

        string inText = InProcess[0].Text;
        bool inDeterministic = InProcess.All(r => r.Text == inText && r.Tokens == InProcess[0].Tokens) && InProcessWarmup.Text == inText;
        bool daemonDeterministic = Daemon.All(r => r.Text == Daemon[0].Text && r.Tokens == Daemon[0].Tokens) && DaemonWarmup.Text == Daemon[0].Text;
        bool same = Daemon[0].Text == inText && Daemon[0].Tokens == InProcess[0].Tokens;
        Console.WriteLine($"  same text in-process and through the daemon: {(same ? "yes" : "NO")} ({inText.Length} chars, {InProcess[0].Tokens} tokens in-process; {Daemon[0].Text.Length} chars, {Daemon[0].Tokens} tokens via the daemon)");
        Console.WriteLine($"  every run gave the same text: in-process {(inDeterministic ? "yes" : "NO")}, daemon {(daemonDeterministic ? "yes" : "NO")}");
        if (!same)
        {
            Console.WriteLine($"    in-process: {Excerpt(inText)}");
            Console.WriteLine($"    daemon:     {Excerpt(Daemon[0].Text)}");
        }

        Console.WriteLine($"  text: {Excerpt(inText)}");
        Console.WriteLine();
        bool streamsSame = PrintStreams();
        PrintTtft();

        Console.WriteLine($"/v1/health round trip: LlmosClient.HealthAsync, {Options.Requests} requests per row after {BenchOptions.WarmupRequests} warm-up, one LlmosClient (HttpClient) per client");
        Console.WriteLine($"  {"clients",-9}{"requests",9}{"p50 µs",10}{"p99 µs",10}{"max µs",10}{"req/s",10}");
        HealthRow(Health1);
        HealthRow(Health16);
        Console.WriteLine($"  {Health16.Clients} clients against the 1-client baseline: p50 x{Health16.P50Microseconds / Health1.P50Microseconds:F1}, p99 x{Health16.P99Microseconds / Health1.P99Microseconds:F1}, throughput x{Health16.RequestsPerSecond / Health1.RequestsPerSecond:F1}");
        Console.WriteLine();

        Console.WriteLine("Lifecycle");
        Console.WriteLine($"  in-process model load {InProcessLoad.TotalMilliseconds:F1} ms; llmosd start to healthy {DaemonReady.TotalMilliseconds:F1} ms; first daemon task (model load + {DaemonWarmup.Tokens} tokens) {DaemonWarmup.Elapsed.TotalMilliseconds:F1} ms");
        Console.WriteLine($"  llmosd stopped by {(Stopped.Killed ? "SIGKILL after SIGTERM timed out" : "SIGTERM")} in {Stopped.Elapsed.TotalMilliseconds:F1} ms, exit code {Stopped.ExitCode}");
        return same && streamsSame;
    }

    private void Row(string name, List<GenerationRun> runs)
    {
        string perRun = string.Concat(runs.Select(r => $"{r.TokensPerSecond,9:F1}"));
        double median = Stats.Median([.. runs.Select(r => r.TokensPerSecond)]);
        double ms = Stats.Median([.. runs.Select(r => r.Elapsed.TotalMilliseconds)]);
        double first = Stats.Median([.. runs.Select(r => r.FirstText.TotalMilliseconds)]);
        double cpu = runs.Average(r => r.Cpu.TotalMilliseconds);
        double cpuPerToken = runs.Sum(r => r.Cpu.TotalMicroseconds) / Math.Max(runs.Sum(r => r.Tokens), 1);
        Console.WriteLine($"  {name,-28}{runs[0].Tokens,7}{runs[0].FinishReason,8}{perRun}{median,9:F1}{ms,11:F1}{first,13:F1}{cpu,12:F1}{cpuPerToken,12:F1}");
    }

    private static void HealthRow(HealthBench.Result r) =>
        Console.WriteLine($"  {r.Clients,-9}{r.Requests,9}{r.P50Microseconds,10:F1}{r.P99Microseconds,10:F1}{r.MaxMicroseconds,10:F1}{r.RequestsPerSecond,10:F1}");

    private static string Excerpt(string text)
    {
        string flat = text.Replace("\n", "\\n");
        return "\"" + (flat.Length > 100 ? flat[..100] + "…" : flat) + "\"";
    }
}

using System.Diagnostics;
using LlmOs.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"llmos-bench: {e.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

try
{
    return await Bench.RunAsync(options, args);
}
catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or TimeoutException or IOException or HttpRequestException or LlmOs.Client.LlmosException)
{
    Console.Error.WriteLine($"llmos-bench: {e.Message}");
    return 1;
}

/// <summary>
/// The whole run: generation in-process and through the daemon at 1 to 8 streams (round by round), time to first
/// token alone and beside 7 streams, embeddings, intents, vision, /v1/health, D-Bus, SIGTERM, then the report.
/// </summary>
internal static class Bench
{
    public static async Task<int> RunAsync(BenchOptions options, string[] args)
    {
        if (options.IntentsOnly)
        {
            return await IntentsOnlyAsync(options);
        }

        if (options.VisionOnly)
        {
            return await VisionOnlyAsync(options, args);
        }

        if (options.SpeechOnly)
        {
            return await SpeechOnlyAsync(options, args);
        }

        if (options.ColdStartOnly)
        {
            return await ColdStartOnlyAsync(options, args);
        }

        long benchStart = Stopwatch.GetTimestamp();
        string model = BenchPaths.Model(options.Model);
        string llmosd = BenchPaths.Llmosd();
        string load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        var metadata = LlmOs.Engine.Models.GgufReader.Read(model);

        Progress($"in-process: loading {Path.GetFileName(model)} twice: a 1-sequence context and a {BenchOptions.ParallelSequences}-sequence one");
        var inProcess = await InProcessBench.LoadAsync(model, options, 1);
        var inBatched = await InProcessBench.LoadAsync(model, options, BenchOptions.ParallelSequences);
        var inLoad = inProcess.Load;

        var dir = Directory.CreateTempSubdirectory("llmos-bench-");
        DaemonProcess? daemon = null;
        BenchBus? bus = null;
        ConsoleCancelEventHandler onCancel = (_, _) =>
        {
            // Ctrl-C: never leave a daemon or a temp dir behind.
            try
            {
                daemon?.KillNow();
                dir.Delete(recursive: true);
            }
            catch (Exception)
            {
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            Progress($"daemon: starting {llmosd}");
            bus = await BenchBus.StartAsync(dir.FullName);
            var (visionFiles, visionMissing) = VisionFiles();
            daemon = DaemonProcess.Start(llmosd, model, dir.FullName, options.Threads, BenchOptions.ParallelSequences, bus.Address, visionFiles);
            var ready = await daemon.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));

            Progress($"generation: 1 warm-up + {options.Runs} rounds of {options.Tokens} tokens per stream: in-process 1 stream, daemon 1, {string.Join(", ", BenchOptions.StreamCounts)} streams, in-process 1 and {BenchOptions.ParallelSequences} sequences on one context");
            using var daemonStreams = new DaemonStreamsBench(daemon.Socket, daemon.Pid, options.Tokens, BenchOptions.ParallelSequences);
            var generation = await GenerationRounds.RunAsync(inProcess, inBatched, daemonStreams, options.Runs);
            await inProcess.DisposeAsync();
            await inBatched.DisposeAsync();

            Progress($"time to first token: {options.Samples} short streams alone, then beside {BenchOptions.BackgroundStreams} long ones");
            string reference = generation.InProcess[0].Text;
            var ttftAlone = await TtftBench.RunAsync(daemon.Socket, daemon.Pid, 0, options.Samples, reference);
            var ttftBusy = await TtftBench.RunAsync(daemon.Socket, daemon.Pid, BenchOptions.BackgroundStreams, options.Samples, reference);

            Progress("embeddings: batch sizes 1 and 32, in-process and through /v1/embeddings");
            var embeddings = await EmbeddingBench.RunAsync(daemon.Socket, daemon.Pid, options.Threads);

            Progress($"intents: recogniser stages in-process on {IntentBench.StageUtterances.Length} utterances, ask round trips in-process and through POST /v1/ask");
            var intents = await IntentBench.RunAsync(daemon.Socket, model, options.Threads);

            var (vision, visionFailure) = visionMissing is null ? await RunVisionAsync(daemon, options.Threads) : (null, visionMissing);

            Progress($"/v1/health: {options.Requests} requests with 1 client, then with {BenchOptions.ConcurrentClients}");
            var health1 = await HealthBench.RunAsync(daemon.Socket, 1, options.Requests, BenchOptions.WarmupRequests);
            var health16 = await HealthBench.RunAsync(daemon.Socket, BenchOptions.ConcurrentClients, options.Requests, BenchOptions.WarmupRequests);

            Progress($"D-Bus: {options.Requests} round trips each of GetId, Ping and GetStatus; {options.Runs} generations as Delta signals and over the socket");
            var busCalls = await BusRoundTripBench.RunAsync(bus.Address, options.Requests, BenchOptions.WarmupRequests);
            var (socketStreams, busStreams) = await BusStreamBench.RunAsync(bus.Address, daemon.Socket, options.Tokens, options.Runs);

            Progress("daemon: SIGTERM");
            var stopped = await daemon.TerminateAsync(TimeSpan.FromSeconds(20));
            string commandLine = daemon.CommandLine;
            await daemon.DisposeAsync();
            daemon = null;

            var report = new Report(options, model, metadata.ContextLength, load, inLoad, ready, generation, ttftAlone, ttftBusy, health1, health16, stopped);
            bool sameText = report.Print();
            Console.WriteLine();
            EmbeddingBench.Print(embeddings, Console.Out);
            Console.WriteLine();
            IntentBench.Print(intents, Console.Out);
            Console.WriteLine();
            PrintVision(vision, visionFailure);
            Console.WriteLine();
            BusReport.Print(busCalls, socketStreams, busStreams, Console.Out);
            Console.WriteLine();
            Console.WriteLine($"total run time: {Stopwatch.GetElapsedTime(benchStart).TotalSeconds:F1} s");
            Console.WriteLine($"command: cd {BenchPaths.RepoRoot} && dotnet run -c {BenchPaths.Configuration} --project bench/LlmOs.Bench{(args.Length > 0 ? " -- " + string.Join(' ', args.Select(Quote)) : "")}");
            Console.WriteLine($"process: {Environment.ProcessPath} {string.Join(' ', args.Select(Quote))}".TrimEnd());
            Console.WriteLine($"daemon:  {commandLine}");
            return sameText ? 0 : 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            await inProcess.DisposeAsync();
            await inBatched.DisposeAsync();
            if (daemon is not null)
            {
                Console.Error.Write(Tail(daemon.Log));
                await daemon.DisposeAsync();
            }

            bus?.Dispose();
            dir.Delete(recursive: true);
        }
    }

    /// <summary>--intents-only: the intent engine's part alone, against a daemon of its own.</summary>
    private static async Task<int> IntentsOnlyAsync(BenchOptions options)
    {
        string model = BenchPaths.Model(options.Model);
        var dir = Directory.CreateTempSubdirectory("llmos-bench-");
        try
        {
            using var bus = await BenchBus.StartAsync(dir.FullName);
            await using var daemon = DaemonProcess.Start(BenchPaths.Llmosd(), model, dir.FullName, options.Threads, BenchOptions.ParallelSequences, bus.Address);
            await daemon.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));
            Progress($"intents: recogniser stages in-process on {IntentBench.StageUtterances.Length} utterances, ask round trips in-process and through POST /v1/ask");
            var intents = await IntentBench.RunAsync(daemon.Socket, model, options.Threads);
            Console.WriteLine($"llmos benchmark, intent engine only ({Environment.ProcessorCount} cores, {BenchPaths.Configuration} build, model {Path.GetFileName(model)})");
            IntentBench.Print(intents, Console.Out);
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>--vision-only: the vision part alone (classification, OCR), against a daemon of its own that holds the vision model.</summary>
    private static async Task<int> VisionOnlyAsync(BenchOptions options, string[] args)
    {
        string model = BenchPaths.Model(options.Model);
        var visionFiles = VisionBench.DaemonModelFiles();
        var dir = Directory.CreateTempSubdirectory("llmos-bench-");
        try
        {
            using var bus = await BenchBus.StartAsync(dir.FullName);
            await using var daemon = DaemonProcess.Start(BenchPaths.Llmosd(), model, dir.FullName, options.Threads, BenchOptions.ParallelSequences, bus.Address, visionFiles);
            await daemon.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));
            var (vision, failure) = await RunVisionAsync(daemon, options.Threads);
            Console.WriteLine($"llmos benchmark, vision only ({Environment.ProcessorCount} cores, {BenchPaths.Configuration} build)");
            PrintVision(vision, failure);
            if (failure is not null)
            {
                Console.Error.Write(Tail(daemon.Log));
            }

            Console.WriteLine($"command: cd {BenchPaths.RepoRoot} && dotnet run -c {BenchPaths.Configuration} --project bench/LlmOs.Bench -- {string.Join(' ', args.Select(Quote))}");
            Console.WriteLine($"daemon:  {daemon.CommandLine}");
            return failure is null ? 0 : 1;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>--speech-only: the speech part alone, in-process and against a daemon of its own.</summary>
    private static async Task<int> SpeechOnlyAsync(BenchOptions options, string[] args)
    {
        string model = BenchPaths.Model(options.Model);
        var dir = Directory.CreateTempSubdirectory("llmos-bench-");
        try
        {
            using var bus = await BenchBus.StartAsync(dir.FullName);
            await using var daemon = DaemonProcess.Start(BenchPaths.Llmosd(), model, dir.FullName, options.Threads, BenchOptions.ParallelSequences, bus.Address);
            await daemon.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));
            Progress($"speech: grammar RTF on {SpeechBench.Commands.Length * SpeechBench.Voices.Length} espeak-ng commands and jfk.wav, Whisper.net RTF on jfk.wav, end of speech to intent in-process and through POST /v1/voice");
            var speech = await SpeechBench.RunAsync(daemon.Socket, model, options.Threads);
            string load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
            Console.WriteLine($"llmos benchmark, speech only ({Environment.ProcessorCount} cores, {BenchPaths.Configuration} build, load average {load} at the end)");
            SpeechBench.Print(speech, Console.Out);
            Console.WriteLine($"command: cd {BenchPaths.RepoRoot} && dotnet run -c {BenchPaths.Configuration} --project bench/LlmOs.Bench -- {string.Join(' ', args.Select(Quote))}");
            Console.WriteLine($"daemon:  {daemon.CommandLine}");
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>--coldstart-only: exec to READY=1 of the packaged ReadyToRun llmosd and of dotnet llmosd.dll, and the package's sizes.</summary>
    private static async Task<int> ColdStartOnlyAsync(BenchOptions options, string[] args)
    {
        var dir = Directory.CreateTempSubdirectory("llmos-bench-");
        try
        {
            var package = await ColdStartBench.UnpackAsync(options.Deb, dir.FullName);
            string llmosd = BenchPaths.Llmosd();
            Progress($"cold start: {BenchOptions.ColdStartRuns} starts each of {package.LibDir}/llmosd and dotnet {llmosd}, alternating, after one warm-up each");
            var results = await ColdStartBench.RunAsync(
                [
                    new("ReadyToRun self-contained (the package's /usr/lib/llmos)", Path.Combine(package.LibDir, "llmosd"), []),
                    new($"framework-dependent {BenchPaths.Configuration} (dotnet llmosd.dll)", "dotnet", [llmosd]),
                ],
                BenchOptions.ColdStartRuns,
                Path.Combine(dir.FullName, "runs"));
            string load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
            Console.WriteLine($"llmos benchmark, cold start only ({Environment.ProcessorCount} cores, load average {load} at the end)");
            ColdStartBench.Print(results, package, BenchOptions.ColdStartRuns, Console.Out);
            Console.WriteLine($"command: cd {BenchPaths.RepoRoot} && dotnet run -c {BenchPaths.Configuration} --project bench/LlmOs.Bench -- {string.Join(' ', args.Select(Quote))}");
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The vision model and labels for the daemon's models folder; none (and why) when the shared models lack them.</summary>
    private static (IReadOnlyList<(string Source, string Name)> Files, string? Missing) VisionFiles()
    {
        try
        {
            return (VisionBench.DaemonModelFiles(), null);
        }
        catch (FileNotFoundException e)
        {
            return ([], e.Message);
        }
    }

    /// <summary>The vision part; a failure (a missing font, an endpoint that answers an error) becomes its line in the report instead of ending the run.</summary>
    private static async Task<(VisionBench.Result? Result, string? Failure)> RunVisionAsync(DaemonProcess daemon, int threads)
    {
        Progress($"vision: {VisionBench.ModelFileName} at batch 1 and {VisionBench.BatchSize}, in-process and through POST /v1/images/classify; OCR of a full-HD screenshot, in-process and through POST /v1/images/ocr");
        try
        {
            return (await VisionBench.RunAsync(daemon.Socket, daemon.Pid, threads), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static void PrintVision(VisionBench.Result? vision, string? failure)
    {
        if (vision is not null)
        {
            VisionBench.Print(vision, Console.Out);
        }
        else
        {
            Console.WriteLine($"vision: failed: {failure}");
        }
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[bench] {message}");

    private static string Quote(string arg) => arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''") + "'";

    private static string Tail(string log)
    {
        var lines = log.Split('\n');
        return "--- llmosd log (last lines) ---\n" + string.Join('\n', lines.TakeLast(30)) + "\n";
    }
}

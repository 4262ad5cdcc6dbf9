using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace LlmOs.Bench;

/// <summary>
/// Cold start: the time from exec to <c>READY=1</c> on a notify socket of the bench's own (NOTIFY_SOCKET, as systemd
/// sets it), with no model, for the packaged ReadyToRun self-contained llmosd against the framework-dependent build
/// (<c>dotnet llmosd.dll</c>) in the same run. Runs alternate between the two so that a busy machine weighs on both.
/// </summary>
public static partial class ColdStartBench
{
    public sealed record StartCommand(string Name, string File, string[] PrefixArgs);

    public sealed record Result(string Name, string CommandLine, IReadOnlyList<double> Milliseconds)
    {
        public double Median => Stats.Median(Milliseconds);
    }

    /// <summary>One warm-up start of each (page cache), then <paramref name="runs"/> timed starts of each, alternating.</summary>
    public static async Task<IReadOnlyList<Result>> RunAsync(IReadOnlyList<StartCommand> programs, int runs, string dir)
    {
        var times = programs.Select(_ => new List<double>()).ToArray();
        for (int round = 0; round <= runs; round++)
        {
            for (int p = 0; p < programs.Count; p++)
            {
                double ms = await StartOnceAsync(programs[p], Path.Combine(dir, $"run-{p}-{round}"));
                if (round > 0)
                {
                    times[p].Add(ms);
                }
            }
        }

        return [.. programs.Select((p, i) => new Result(p.Name, CommandLine(p, "DIR"), times[i]))];
    }

    /// <summary>Starts llmosd in user mode on a fresh socket and data dir with no bus, times READY=1, then SIGTERMs it.</summary>
    private static async Task<double> StartOnceAsync(StartCommand program, string dir)
    {
        Directory.CreateDirectory(dir);
        string notifyPath = Path.Combine(dir, "notify");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(notifyPath));

        var start = new ProcessStartInfo(program.File)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in Arguments(program, dir))
        {
            start.ArgumentList.Add(arg);
        }

        // Only our options count: never the machine's config file or LLMOSD_* variables.
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("LLMOSD_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(dir, "config");
        start.Environment["NOTIFY_SOCKET"] = notifyPath;

        var buffer = new byte[4096];
        long begin = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program.File}");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                var receive = notify.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).AsTask();
                if (await Task.WhenAny(receive, process.WaitForExitAsync(timeout.Token)) != receive)
                {
                    throw new InvalidOperationException($"{program.Name} exited before READY=1:\n{Text(output)}");
                }

                int length = await receive;
                if (Encoding.UTF8.GetString(buffer, 0, length).Split('\n').Contains("READY=1"))
                {
                    return Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{program.Name} sent no READY=1 within 60 s:\n{Text(output)}");
        }
        finally
        {
            await StopAsync(process);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string[] Arguments(StartCommand program, string dir) =>
        [.. program.PrefixArgs, "--user", "--socket", Path.Combine(dir, "llmosd.sock"), "--data-dir", Path.Combine(dir, "data"), "--bus", "none"];

    private static string CommandLine(StartCommand program, string dir) =>
        $"NOTIFY_SOCKET={dir}/notify {program.File} {string.Join(' ', Arguments(program, dir))}";

    private static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString()]) { UseShellExecute = false }))
        {
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

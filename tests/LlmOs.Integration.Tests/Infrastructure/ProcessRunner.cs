using System.Diagnostics;

namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>Runs a program to completion and captures what it printed.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string>? environment = null, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs llmosctl (through the dotnet host) against a socket.</summary>
    public static Task<Result> LlmosctlAsync(string socket, params string[] args) =>
        RunAsync("dotnet", [TestPaths.Llmosctl, "--socket", socket, .. args]);

    /// <summary>Sends a signal with the kill program (SIGTERM by default).</summary>
    public static async Task SignalAsync(int pid, string signal = "TERM")
    {
        var result = await RunAsync("kill", ["-" + signal, pid.ToString()]);
        Assert.Equal(0, result.ExitCode);
    }
}

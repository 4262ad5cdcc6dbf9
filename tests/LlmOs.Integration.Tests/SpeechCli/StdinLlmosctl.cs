using System.Diagnostics;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.SpeechCli;

/// <summary>
/// Runs llmosctl with audio on its stdin, written in 100 ms pieces with pauses between them as a recorder would
/// (<c>arecord … | llmosctl voice -</c>), then closed.
/// </summary>
internal static class StdinLlmosctl
{
    public static async Task<ProcessRunner.Result> RunAsync(string socket, byte[] stdin, int chunkBytes, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[TestPaths.Llmosctl, "--socket", socket, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var input = process.StandardInput.BaseStream;
        try
        {
            for (int at = 0; at < stdin.Length; at += chunkBytes)
            {
                await input.WriteAsync(stdin.AsMemory(at, Math.Min(chunkBytes, stdin.Length - at)));
                await input.FlushAsync();
                await Task.Delay(10);
            }

            input.Close();
        }
        catch (IOException)
        {
            // llmosctl may have its answer and be gone before the recording ends (llmosd heard the utterance out).
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return new ProcessRunner.Result(process.ExitCode, await stdout, await stderr);
    }
}

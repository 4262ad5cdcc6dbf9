using System.Diagnostics;
using System.Text;
using LlmOs.Client;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Bench;

/// <summary>The same greedy generation as the baseline, through the daemon's socket as a streamed task; one client (its own connection).</summary>
public sealed class DaemonBench(string socket, int daemonPid, int maxTokens) : IDisposable
{
    private readonly LlmosClient _client = LlmosClient.ForSocket(socket);
    private readonly TaskOptions _taskOptions = new(MaxTokens: maxTokens, Temperature: 0, Seed: 1);

    /// <summary>
    /// Timed from the submit to the final event; the tokens and the text are the final event's <c>task.result</c>.
    /// CPU is the daemon's plus this process's (the client's share: HTTP, SSE parsing).
    /// </summary>
    public async Task<GenerationRun> GenerateOnceAsync()
    {
        var deltas = new StringBuilder();
        long firstText = 0;
        TaskStreamEvent? final = null;
        var clientCpuStart = CpuTime.Self();
        var serverCpuStart = CpuTime.Of(daemonPid);
        long start = Stopwatch.GetTimestamp();
        await foreach (var taskEvent in _client.StreamAsync(BenchOptions.Prompt, _taskOptions))
        {
            if (taskEvent.Name == TaskEventNames.Delta && taskEvent.Data.Text is { Length: > 0 } text)
            {
                if (firstText == 0)
                {
                    firstText = Stopwatch.GetTimestamp();
                }

                deltas.Append(text);
            }
            else if (taskEvent.IsFinal)
            {
                final = taskEvent;
            }
        }

        long stop = Stopwatch.GetTimestamp();
        var clientCpu = CpuTime.Self() - clientCpuStart;
        var serverCpu = CpuTime.Of(daemonPid) - serverCpuStart;
        var task = final?.Data.Task ?? throw new InvalidOperationException("the stream ended without a final event");
        var result = task.Result ?? throw new InvalidOperationException($"the task ended '{final.Name}' without a result: {task.Error?.Code} {task.Error?.Message}");
        if (result.Text != deltas.ToString())
        {
            throw new InvalidOperationException($"the streamed deltas ({deltas.Length} chars) differ from the final result's text ({result.Text.Length} chars)");
        }

        return new GenerationRun(
            result.Tokens,
            Stopwatch.GetElapsedTime(start, stop),
            firstText == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(start, firstText),
            clientCpu + serverCpu,
            serverCpu,
            result.Text,
            result.FinishReason);
    }

    public void Dispose() => _client.Dispose();
}

using System.Diagnostics;
using LlmOs.Client;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Bench;

/// <summary>
/// Time to first token of a short greedy stream, submitted again and again (one after another), while
/// <c>background</c> long streams keep the model's batch busy; with no background streams it is the baseline.
/// </summary>
public static class TtftBench
{
    /// <summary>
    /// The samples (ms, sorted); how many short streams gave a prefix of the single-stream text; how many background
    /// streams were still generating after the last sample (they must outlast the measurement) and their tokens meanwhile.
    /// </summary>
    public sealed record Result(int Background, double[] SortedMs, int PrefixOfReference, int StillRunning, int BackgroundTokens, TimeSpan Window)
    {
        public double P50 => Stats.Percentile(SortedMs, 50);

        public double P99 => Stats.Percentile(SortedMs, 99);
    }

    public static async Task<Result> RunAsync(string socket, int daemonPid, int background, int samples, string referenceText)
    {
        using var stop = new CancellationTokenSource();
        var streams = Enumerable.Range(0, background).Select(_ => new BackgroundStream(socket)).ToList();
        try
        {
            var running = streams.Select(s => s.RunAsync(stop.Token)).ToList();
            await Task.WhenAll(streams.Select(s => s.FirstToken)); // every one is in the batch
            int tokensBefore = streams.Sum(s => s.Tokens);
            long start = Stopwatch.GetTimestamp();
            using var shortStream = new DaemonBench(socket, daemonPid, BenchOptions.ShortTokens);
            var firstTexts = new double[samples];
            int prefixes = 0;
            for (int i = 0; i < samples; i++)
            {
                var run = await shortStream.GenerateOnceAsync();
                firstTexts[i] = run.FirstText.TotalMilliseconds;
                prefixes += run.Text.Length > 0 && referenceText.StartsWith(run.Text, StringComparison.Ordinal) ? 1 : 0;
            }

            var window = Stopwatch.GetElapsedTime(start);
            int stillRunning = streams.Count(s => !s.Finished);
            int backgroundTokens = streams.Sum(s => s.Tokens) - tokensBefore;
            await stop.CancelAsync();
            await Task.WhenAll(running);
            Array.Sort(firstTexts);
            return new Result(background, firstTexts, prefixes, stillRunning, backgroundTokens, window);
        }
        finally
        {
            streams.ForEach(s => s.Dispose());
        }
    }

    /// <summary>A long greedy stream that runs until it is cancelled (its client then cancels the task), counting its tokens.</summary>
    private sealed class BackgroundStream(string socket) : IDisposable
    {
        private readonly LlmosClient _client = LlmosClient.ForSocket(socket);
        private readonly TaskCompletionSource _firstToken = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _tokens;

        public Task FirstToken => _firstToken.Task;

        public int Tokens => Volatile.Read(ref _tokens);

        public bool Finished { get; private set; }

        public async Task RunAsync(CancellationToken stop)
        {
            var options = new TaskOptions(MaxTokens: BenchOptions.LongTokens, Temperature: 0, Seed: 1);
            try
            {
                await foreach (var taskEvent in _client.StreamAsync(BenchOptions.Prompt, options, stop))
                {
                    if (taskEvent.Name == TaskEventNames.Delta)
                    {
                        Interlocked.Increment(ref _tokens);
                        _firstToken.TrySetResult();
                    }
                    else if (taskEvent.IsFinal)
                    {
                        Finished = true;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            finally
            {
                // A stream that ended before its first token must not hang the measurement.
                _firstToken.TrySetResult();
            }
        }

        public void Dispose() => _client.Dispose();
    }
}

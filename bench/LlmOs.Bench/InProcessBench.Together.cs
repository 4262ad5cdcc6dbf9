using System.Diagnostics;
using System.Text;
using LlmOs.Engine.Generation;

namespace LlmOs.Bench;

public sealed partial class InProcessBench
{
    /// <summary>
    /// <paramref name="streams"/> sequences of the same prompt opened together and advanced in one batch per step (as llmosd's
    /// worker does, without its queues, threads or socket), each until it ends or has its tokens; CPU is this process's.
    /// </summary>
    public Task<AggregateRun> GenerateTogetherAsync(int streams) =>
        Task.Factory.StartNew(() => GenerateTogether(streams), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private AggregateRun GenerateTogether(int streams)
    {
        var texts = new StringBuilder[streams];
        var tokens = new int[streams];
        var sequences = new ITextSequence[streams];
        var cpuStart = CpuTime.Self();
        long start = Stopwatch.GetTimestamp();
        try
        {
            for (int i = 0; i < streams; i++)
            {
                texts[i] = new StringBuilder();
                sequences[i] = _model.Open(BenchOptions.Prompt, _generation);
            }

            var active = new List<int>(Enumerable.Range(0, streams));
            var batch = new List<ITextSequence>(streams);
            while (active.Count > 0)
            {
                batch.Clear();
                active.ForEach(i => batch.Add(sequences[i]));
                _model.Advance(batch);
                active.RemoveAll(i =>
                {
                    if (sequences[i].Piece is { } piece)
                    {
                        tokens[i]++;
                        texts[i].Append(piece);
                    }

                    return sequences[i].Ended is not null || tokens[i] >= _generation.MaxTokens;
                });
            }
        }
        finally
        {
            foreach (var sequence in sequences)
            {
                sequence?.Dispose();
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        return new AggregateRun(streams, tokens.Sum(), elapsed, CpuTime.Self() - cpuStart, TimeSpan.Zero, [.. texts.Select(t => t.ToString())]);
    }
}

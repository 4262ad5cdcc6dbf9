using System.Diagnostics;
using System.Text;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Llama;
using LlmOs.Engine.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Bench;

/// <summary>The baseline: our LLamaSharp engine called directly, no daemon, no socket.</summary>
public sealed partial class InProcessBench : IAsyncDisposable
{
    private readonly ITextModel _model;
    private readonly GenerationOptions _generation;
    private int _disposed;

    private InProcessBench(ITextModel model, GenerationOptions generation, TimeSpan load)
    {
        _model = model;
        _generation = generation;
        Load = load;
    }

    public TimeSpan Load { get; }

    /// <summary>Loads the model with one llama.cpp context for up to <paramref name="sequences"/> sequences, as llmosd does.</summary>
    public static async Task<InProcessBench> LoadAsync(string modelPath, BenchOptions options, int sequences)
    {
        var entry = new ModelEntry(
            Path.GetFileNameWithoutExtension(modelPath),
            modelPath,
            ModelKind.Text,
            ModelSource.ModelsDirectory,
            IsDefault: true,
            new FileInfo(modelPath).Length,
            GgufReader.Read(modelPath),
            InvalidReason: null);
        var backend = new LlamaBackend(new LlamaOptions { Threads = options.Threads }, NullLogger<LlamaBackend>.Instance);
        long start = Stopwatch.GetTimestamp();
        var settings = new TextModelSettings(Math.Min(2048, entry.Metadata?.ContextLength ?? 2048), sequences, GpuLayers: 0);
        var model = await backend.LoadAsync(entry, settings, CancellationToken.None);
        var generation = new GenerationOptions { MaxTokens = options.Tokens, Temperature = 0, Seed = 1 };
        return new InProcessBench(model, generation, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>Timed from opening the sequence to its last token, one batch step per token; CPU is this process's.</summary>
    public Task<GenerationRun> GenerateOnceAsync() =>
        Task.Factory.StartNew(GenerateOnce, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private GenerationRun GenerateOnce()
    {
        var text = new StringBuilder();
        long firstText = 0;
        int tokens = 0;
        var cpuStart = CpuTime.Self();
        long start = Stopwatch.GetTimestamp();
        using var sequence = _model.Open(BenchOptions.Prompt, _generation);
        ITextSequence[] batch = [sequence];
        while (sequence.Ended is null && tokens < _generation.MaxTokens)
        {
            _model.Advance(batch);
            if (sequence.Piece is { } piece)
            {
                tokens++;
                if (firstText == 0 && piece.Length > 0)
                {
                    firstText = Stopwatch.GetTimestamp();
                }

                text.Append(piece);
            }
        }

        long stop = Stopwatch.GetTimestamp();
        var cpu = CpuTime.Self() - cpuStart;
        return new GenerationRun(
            tokens,
            Stopwatch.GetElapsedTime(start, stop),
            firstText == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(start, firstText),
            cpu,
            TimeSpan.Zero,
            text.ToString(),
            sequence.Ended == FinishReason.Stop ? "stop" : "length");
    }

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? _model.DisposeAsync() : ValueTask.CompletedTask;
}

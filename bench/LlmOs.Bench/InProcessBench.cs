using System.Diagnostics;
using System.Text;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Llama;
using LlmOs.Engine.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Bench;

/// <summary>The baseline: our LLamaSharp engine called directly, no daemon, no socket.</summary>
public sealed class InProcessBench : IAsyncDisposable
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

    public static async Task<InProcessBench> LoadAsync(string modelPath, BenchOptions options)
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
        var model = await backend.LoadAsync(entry, CancellationToken.None);
        var generation = new GenerationOptions { MaxTokens = options.Tokens, Temperature = 0, Seed = 1 };
        return new InProcessBench(model, generation, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>Timed from the call to the end of GenerateAsync; CPU is this process's.</summary>
    public async Task<GenerationRun> GenerateOnceAsync()
    {
        var text = new StringBuilder();
        long firstText = 0;
        var cpuStart = CpuTime.Self();
        long start = Stopwatch.GetTimestamp();
        var end = await _model.GenerateAsync(BenchOptions.Prompt, _generation, piece =>
        {
            if (firstText == 0 && piece.Length > 0)
            {
                firstText = Stopwatch.GetTimestamp();
            }

            text.Append(piece);
            return true;
        }, CancellationToken.None);
        long stop = Stopwatch.GetTimestamp();
        var cpu = CpuTime.Self() - cpuStart;
        return new GenerationRun(
            end.Tokens,
            Stopwatch.GetElapsedTime(start, stop),
            firstText == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(start, firstText),
            cpu,
            TimeSpan.Zero,
            text.ToString(),
            end.Reason == FinishReason.Length ? "length" : "stop");
    }

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? _model.DisposeAsync() : ValueTask.CompletedTask;
}

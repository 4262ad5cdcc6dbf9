using System.Collections.Concurrent;
using LlmOs.Engine.Models;
using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Tests.Vision;

/// <summary>An in-memory vision backend: every load gives a new <see cref="FakeImageClassifier"/>; loads can be made to fail.</summary>
internal sealed class FakeVisionBackend : IVisionBackend
{
    private int _failLoads;
    private int _loads;

    public ConcurrentQueue<FakeImageClassifier> Loaded { get; } = new();

    /// <summary>What each new classifier answers (the fake's default when null).</summary>
    public Func<RgbImage, int, IReadOnlyList<LabelScore>>? Answer { get; set; }

    /// <summary>The classifier loaded last.</summary>
    public FakeImageClassifier Classifier => Loaded.Last();

    public int LoadCount => Volatile.Read(ref _loads);

    /// <summary>The models loaded, with their labels files.</summary>
    public ConcurrentQueue<ModelEntry> Entries { get; } = new();

    public void FailNextLoads(int count) => Volatile.Write(ref _failLoads, count);

    public Task<IImageClassifier> LoadAsync(ModelEntry model, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        Entries.Enqueue(model);
        if (Interlocked.Decrement(ref _failLoads) >= 0)
        {
            throw new InvalidDataException("the fake classifier file is not an ONNX model");
        }

        var classifier = new FakeImageClassifier();
        if (Answer is { } answer)
        {
            classifier.Answer = answer;
        }

        Loaded.Enqueue(classifier);
        return Task.FromResult<IImageClassifier>(classifier);
    }
}

namespace LlmOs.Engine.Vision;

/// <summary>A loaded image classifier. Thread-safe for one call at a time per instance (its worker makes sure of that).</summary>
public interface IImageClassifier : IAsyncDisposable
{
    /// <summary>What the model holds in memory, for the scheduler's memory budget.</summary>
    long MemoryBytes { get; }

    /// <summary>
    /// Classifies the images in one model run where it can (they are preprocessed and stacked into one batch) and gives
    /// each image its <paramref name="top"/> best labels, best first. Cancelling stops the run and throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyList<LabelScore>>> ClassifyAsync(IReadOnlyList<RgbImage> images, int top, CancellationToken cancellationToken);
}

using System.Collections.Concurrent;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Tests.Vision;

/// <summary>
/// An image classifier that records every call. An image's best label is <see cref="LabelOf"/> (its size), so a test can
/// check each task got its own answer; the labels after it are fixed. An image <see cref="RefusedWidth"/> pixels wide is
/// refused as invalid input, failing the whole call it is in. While held, a call waits after it has been recorded until
/// released or cancelled.
/// </summary>
internal sealed class FakeImageClassifier : IImageClassifier
{
    public const int RefusedWidth = 13;

    private static readonly string[] Others = ["kite", "vulture", "hawk", "owl", "crane", "heron", "pelican"];

    private volatile TaskCompletionSource? _hold;

    /// <summary>Each call's images (as their best labels) and the top it asked for.</summary>
    public ConcurrentQueue<(string[] Images, int Top)> Calls { get; } = new();

    /// <summary>Calls whose token was cancelled while they ran.</summary>
    public ConcurrentQueue<string[]> CancelledCalls { get; } = new();

    /// <summary>The answer for an image; by default its own label at 0.87, then <see cref="Others"/>.</summary>
    public Func<RgbImage, int, IReadOnlyList<LabelScore>> Answer { get; set; } = DefaultAnswer;

    public long MemoryBytes { get; init; } = 42L << 20;

    public bool Disposed { get; private set; }

    public static string LabelOf(RgbImage image) => $"thing {image.Width}x{image.Height}";

    public static IReadOnlyList<LabelScore> DefaultAnswer(RgbImage image, int top)
    {
        var labels = new List<LabelScore> { new(LabelOf(image), 0.87f) };
        float rest = 0.05f;
        foreach (string other in Others)
        {
            labels.Add(new LabelScore(other, rest));
            rest *= 0.6f;
        }

        return [.. labels.Take(top)];
    }

    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _hold?.TrySetResult();

    public async Task<IReadOnlyList<IReadOnlyList<LabelScore>>> ClassifyAsync(IReadOnlyList<RgbImage> images, int top, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        string[] names = [.. images.Select(LabelOf)];
        Calls.Enqueue((names, top));
        if (_hold is { } hold)
        {
            try
            {
                await hold.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                CancelledCalls.Enqueue(names);
                throw;
            }
        }

        if (images.FirstOrDefault(i => i.Width == RefusedWidth) is { } refused)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"the fake classifier refuses {LabelOf(refused)}", "input.image");
        }

        return [.. images.Select(i => Answer(i, top))];
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}

using System.Collections.Concurrent;
using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Tests.Vision;

/// <summary>
/// An OCR engine that reads <see cref="Text"/> (by default the image's size) and records how many recognitions ran at
/// once. While held, a recognition waits until released or cancelled.
/// </summary>
internal sealed class FakeOcrEngine : IOcrEngine
{
    private volatile TaskCompletionSource? _hold;
    private int _running;
    private int _maxRunning;

    public IReadOnlyList<string> Languages { get; init; } = ["eng", "spa"];

    /// <summary>The text read; null for "text of WxH".</summary>
    public string? Text { get; set; }

    /// <summary>Each recognition's language, in order.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentQueue<string> CancelledCalls { get; } = new();

    public int Running => Volatile.Read(ref _running);

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _hold?.TrySetResult();

    public async Task<OcrResult> RecognizeAsync(RgbImage image, string language, CancellationToken cancellationToken)
    {
        int running = Interlocked.Increment(ref _running);
        int seen;
        while ((seen = Volatile.Read(ref _maxRunning)) < running && Interlocked.CompareExchange(ref _maxRunning, running, seen) != seen)
        {
        }

        Calls.Enqueue(language);
        try
        {
            if (_hold is { } hold)
            {
                try
                {
                    await hold.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    CancelledCalls.Enqueue(language);
                    throw;
                }
            }

            string text = Text ?? $"text of {image.Width}x{image.Height}";
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((l, i) => new OcrLine(l, 90, 0, i * 10, image.Width, 10)).ToList();
            return new OcrResult(text, 91.25f, lines);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}

using System.Collections.Concurrent;
using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Tests;

/// <summary>
/// An embedding model that records every call's texts. A text's vector is <see cref="VectorOf"/> (so a test can
/// check each task got its own), its tokens are its words, and a text holding "bad" is refused as invalid input.
/// While held, a call waits after it has been recorded until released or cancelled.
/// </summary>
internal sealed class FakeEmbeddingModel : IEmbeddingModel
{
    private volatile TaskCompletionSource? _hold;

    public ConcurrentQueue<IReadOnlyList<string>> Calls { get; } = new();

    /// <summary>Calls whose token was cancelled while they ran.</summary>
    public ConcurrentQueue<IReadOnlyList<string>> CancelledCalls { get; } = new();

    public int Dimensions => 2;

    public long MemoryBytes => 1000;

    public static float[] VectorOf(string text) => [text.Length, text.Split(' ').Length];

    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _hold?.TrySetResult();

    public async Task<EmbeddingResult> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var copy = texts.ToArray();
        Calls.Enqueue(copy);
        if (_hold is { } hold)
        {
            try
            {
                await hold.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                CancelledCalls.Enqueue(copy);
                throw;
            }
        }

        if (copy.FirstOrDefault(t => t.Contains("bad", StringComparison.Ordinal)) is { } bad)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"the fake model refuses '{bad}'", "input");
        }

        var counts = copy.Select(t => t.Split(' ').Length).ToArray();
        return new EmbeddingResult([.. copy.Select(VectorOf)], counts.Sum()) { TokenCounts = counts };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

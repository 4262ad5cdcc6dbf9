using LlmOs.Engine.Generation;

namespace LlmOs.Engine.Tests;

/// <summary>A model loaded by <see cref="FakeTextBackend"/>.</summary>
internal sealed class FakeTextModel(FakeTextBackend backend, string name) : ITextModel
{
    private int _active;
    private int _maxActive;

    public string Name { get; } = name;

    public bool Disposed { get; private set; }

    /// <summary>The most generations this model ever ran at the same time.</summary>
    public int MaxConcurrentGenerations => Volatile.Read(ref _maxActive);

    public async Task<GenerationEnd> GenerateAsync(string prompt, GenerationOptions options, Func<string, bool> onPiece, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        int active = Interlocked.Increment(ref _active);
        InterlockedMax(ref _maxActive, active);
        try
        {
            backend.StartedPrompts.Enqueue(prompt);
            await backend.WaitIfHeldAsync(prompt, cancellationToken);
            return await ProduceAsync(options, onPiece, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private async Task<GenerationEnd> ProduceAsync(GenerationOptions options, Func<string, bool> onPiece, CancellationToken cancellationToken)
    {
        int produced = 0;
        foreach (string piece in backend.Pieces)
        {
            if (produced == options.MaxTokens)
            {
                return new GenerationEnd(produced, FinishReason.Length);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (backend.PieceDelay > TimeSpan.Zero)
            {
                await Task.Delay(backend.PieceDelay, cancellationToken);
            }

            produced++;
            if (!onPiece(piece))
            {
                return new GenerationEnd(produced, FinishReason.Stop);
            }
        }

        return new GenerationEnd(produced, FinishReason.Stop);
    }
}

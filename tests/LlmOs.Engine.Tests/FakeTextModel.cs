using System.Collections.Concurrent;
using LlmOs.Engine.Generation;

namespace LlmOs.Engine.Tests;

/// <summary>
/// A model loaded by <see cref="FakeTextBackend"/>: each step gives every open sequence its next piece of
/// <see cref="FakeTextBackend.Pieces"/>, except sequences whose prompt is on hold, which wait without a piece.
/// </summary>
internal sealed class FakeTextModel(FakeTextBackend backend, string name, int sequences) : ITextModel
{
    private int _open;
    private int _maxOpen;
    private int _steps;

    public string Name { get; } = name;

    public bool Disposed { get; private set; }

    /// <summary>When it was unloaded (system clock), for tests of how long a model was kept.</summary>
    public DateTimeOffset? DisposedAt { get; private set; }

    public int MaxSequences => sequences;

    public int ContextPerSequence => 1000;

    /// <summary>The most sequences this model ever had open at the same time.</summary>
    public int MaxConcurrentGenerations => Volatile.Read(ref _maxOpen);

    /// <summary>How many batch steps ran, and how many sequences the largest one held.</summary>
    public int Steps => Volatile.Read(ref _steps);

    public int LargestBatch { get; private set; }

    /// <summary>Sequences open now (opened and not yet disposed).</summary>
    public int OpenSequences => Volatile.Read(ref _open);

    /// <summary>For each prompt, the number of batch steps that had run when its sequence was opened.</summary>
    public ConcurrentDictionary<string, int> OpenedAtStep { get; } = new(StringComparer.Ordinal);

    public ITextSequence Open(string prompt, GenerationOptions options)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        int open = Interlocked.Increment(ref _open);
        int seen;
        while ((seen = Volatile.Read(ref _maxOpen)) < open && Interlocked.CompareExchange(ref _maxOpen, open, seen) != seen)
        {
        }

        OpenedAtStep[prompt] = Steps;
        backend.StartedPrompts.Enqueue(prompt);
        return new Sequence(this, prompt);
    }

    public void Advance(IReadOnlyList<ITextSequence> open)
    {
        Interlocked.Increment(ref _steps);
        LargestBatch = Math.Max(LargestBatch, open.Count);
        // A step always takes a little time, as a real one does; without it a held sequence would spin the worker.
        Thread.Sleep(backend.PieceDelay > TimeSpan.Zero ? backend.PieceDelay : TimeSpan.FromMilliseconds(1));

        foreach (Sequence sequence in open)
        {
            sequence.Piece = null;
            if (backend.IsHeld(sequence.Prompt))
            {
                continue;
            }

            if (sequence.Next == backend.Pieces.Count)
            {
                sequence.Ended = FinishReason.Stop;
                continue;
            }

            sequence.Piece = backend.Pieces[sequence.Next++];
        }
    }

    public ValueTask DisposeAsync()
    {
        DisposedAt = DateTimeOffset.UtcNow;
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    private sealed class Sequence(FakeTextModel owner, string prompt) : ITextSequence
    {
        public string Prompt { get; } = prompt;

        public int Next { get; set; }

        public string? Piece { get; set; }

        public FinishReason? Ended { get; set; }

        public int PromptTokens => Prompt.Split(' ').Length;

        public void Dispose() => Interlocked.Decrement(ref owner._open);
    }
}

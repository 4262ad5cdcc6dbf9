using LlmOs.Engine.Generation;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Tests;

/// <summary>
/// <see cref="FakeTextBackend"/> whose batch steps wait at a gate: while it is shut, each step blocks (as a hung native
/// decode would) until the test lets one step through (<see cref="Step"/>) or opens it for good (<see cref="Open"/>).
/// </summary>
internal sealed class GatedTextBackend(FakeTextBackend inner) : ITextBackend
{
    private readonly SemaphoreSlim _permits = new(0);
    private volatile bool _open;
    private int _entered;

    /// <summary>How many steps have reached the gate (passed it or waiting at it).</summary>
    public int Entered => Volatile.Read(ref _entered);

    public bool SupportsGpuOffload => inner.SupportsGpuOffload;

    public string RenderChat(ModelEntry model, IReadOnlyList<ChatTurn> turns) => inner.RenderChat(model, turns);

    public async Task<ITextModel> LoadAsync(ModelEntry model, TextModelSettings settings, CancellationToken cancellationToken) =>
        new GatedModel(this, await inner.LoadAsync(model, settings, cancellationToken));

    /// <summary>Lets the step waiting at the gate (or the next one to arrive) through.</summary>
    public void Step() => _permits.Release();

    public void Open()
    {
        _open = true;
        _permits.Release(1000);
    }

    private void Pass()
    {
        Interlocked.Increment(ref _entered);
        if (!_open)
        {
            _permits.Wait();
        }
    }

    private sealed class GatedModel(GatedTextBackend gate, ITextModel inner) : ITextModel
    {
        public int MaxSequences => inner.MaxSequences;

        public int ContextPerSequence => inner.ContextPerSequence;

        public ITextSequence Open(string prompt, GenerationOptions options) => inner.Open(prompt, options);

        public void Advance(IReadOnlyList<ITextSequence> sequences)
        {
            gate.Pass();
            inner.Advance(sequences);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Tests;

/// <summary>
/// An in-memory text backend. Its models produce <see cref="Pieces"/> one by one (at most max_tokens of them),
/// checking the cancellation token between any two pieces. A prompt put on hold waits, before its first piece,
/// until it is released or cancelled.
/// </summary>
internal sealed class FakeTextBackend : ITextBackend
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private int _failLoads;
    private int _loads;

    public IReadOnlyList<string> Pieces { get; init; } = ["a", "b", "c", "d", "e"];

    public TimeSpan PieceDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Every prompt a model began to generate for, in order.</summary>
    public ConcurrentQueue<string> StartedPrompts { get; } = new();

    public ConcurrentQueue<FakeTextModel> LoadedModels { get; } = new();

    public int LoadCount => Volatile.Read(ref _loads);

    public string RenderChat(ModelEntry model, IReadOnlyList<ChatTurn> turns) => PlainChatFormat.Render(turns);

    public void FailNextLoads(int count)
    {
        lock (_gate)
        {
            _failLoads = count;
        }
    }

    public void Hold(string prompt) => _holds[prompt] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string prompt) => _holds[prompt].TrySetResult();

    public bool SupportsGpuOffload => false;

    /// <summary>The settings of every load, in order.</summary>
    public ConcurrentQueue<TextModelSettings> LoadSettings { get; } = new();

    public Task<ITextModel> LoadAsync(ModelEntry model, TextModelSettings settings, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        lock (_gate)
        {
            if (_failLoads > 0)
            {
                _failLoads--;
                throw new InvalidDataException($"fake backend cannot load '{model.Name}'");
            }
        }

        LoadSettings.Enqueue(settings);
        var loaded = new FakeTextModel(this, model.Name, settings.Sequences);
        LoadedModels.Enqueue(loaded);
        return Task.FromResult<ITextModel>(loaded);
    }

    internal bool IsHeld(string prompt) => _holds.TryGetValue(prompt, out var hold) && !hold.Task.IsCompleted;
}

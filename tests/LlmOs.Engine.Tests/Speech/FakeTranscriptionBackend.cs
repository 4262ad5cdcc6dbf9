using System.Runtime.CompilerServices;
using LlmOs.Engine.Models;
using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Tests.Speech;

/// <summary>
/// A Whisper stand-in that "decodes" <see cref="Segments"/> one by one. While held (<see cref="Hold"/>) it waits
/// before its first segment until released or cancelled.
/// </summary>
internal sealed class FakeTranscriptionBackend : ITranscriptionBackend
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile TaskCompletionSource? _hold;
    private int _loads;

    public IReadOnlyList<string> Segments { get; set; } = [];

    public int Loads => Volatile.Read(ref _loads);

    public List<TranscriptionOptions> Calls { get; } = [];

    /// <summary>Completes when a transcription starts.</summary>
    public Task Started => _started.Task;

    /// <summary>Completes when a transcription saw its cancellation.</summary>
    public Task Cancelled => _cancelled.Task;

    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<ITranscriptionModel> LoadAsync(ModelEntry model, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        return Task.FromResult<ITranscriptionModel>(new Model(this));
    }

    private sealed class Model(FakeTranscriptionBackend owner) : ITranscriptionModel
    {
        public long SizeBytes => 1 << 20;

        public async IAsyncEnumerable<TranscriptSegment> TranscribeAsync(AudioClip clip, TranscriptionOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            lock (owner.Calls)
            {
                owner.Calls.Add(options);
            }

            owner._started.TrySetResult();
            if (owner._hold is { } hold)
            {
                try
                {
                    await hold.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    owner._cancelled.TrySetResult();
                    throw;
                }
            }

            var step = clip.Duration / Math.Max(1, owner.Segments.Count);
            for (int i = 0; i < owner.Segments.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return new TranscriptSegment(step * i, step * (i + 1), owner.Segments[i], 0.9, options.Language ?? "en");
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

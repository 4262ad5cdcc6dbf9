using System.Text;

namespace LlmOs.Client.Transport.DBus;

/// <summary>
/// The signals of one task on their way from the bus's read loop (one writer, which must never block nor throw) to one
/// reader. Bounded without losing anything: past <see cref="DefaultCapacity"/> queued signals, further deltas are merged into
/// one pending text and progress reports into the latest one, so a slow reader costs memory in proportion to the
/// task's text, not to its signal count, and the read loop never waits for it (which would stall every reply on the
/// connection). A bounded <see cref="System.Threading.Channels.Channel"/> would have to either wait or drop; hence
/// this small queue.
/// </summary>
internal sealed class TaskSignalQueue
{
    public const int DefaultCapacity = 256;

    private readonly int _capacity;
    private readonly Lock _gate = new();
    private readonly Queue<TaskSignal> _signals = new();
    private readonly StringBuilder _pendingText = new();
    private TaskSignal? _pendingProgress;
    private TaskCompletionSource? _waiter;
    private Exception? _fault;

    public TaskSignalQueue(string path, int capacity = DefaultCapacity)
    {
        Path = path;
        _capacity = capacity;
    }

    public string Path { get; }

    /// <summary>Adds a signal; called from the read loop.</summary>
    public void Post(TaskSignal signal)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            if (_signals.Count < _capacity && _pendingText.Length == 0 && _pendingProgress is null)
            {
                _signals.Enqueue(signal);
            }
            else if (signal.Kind == TaskSignalKind.Delta)
            {
                _pendingText.Append(signal.Text);
            }
            else if (signal.Kind == TaskSignalKind.Progress)
            {
                _pendingProgress = signal;
            }
            else
            {
                FlushPending();
                _signals.Enqueue(signal);
            }

            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>Ends the queue: once the signals already in it are read, <see cref="ReadAsync"/> throws <paramref name="reason"/>.</summary>
    public void Fail(Exception reason)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            _fault ??= reason;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>The next signal, in the order they came; one reader at a time.</summary>
    public async ValueTask<TaskSignal> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_signals.Count == 0)
                {
                    FlushPending();
                }

                if (_signals.TryDequeue(out var signal))
                {
                    return signal;
                }

                if (_fault is not null)
                {
                    throw _fault;
                }

                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _waiter.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void FlushPending()
    {
        if (_pendingText.Length > 0)
        {
            _signals.Enqueue(new TaskSignal(TaskSignalKind.Delta, Path, Text: _pendingText.ToString()));
            _pendingText.Clear();
        }

        if (_pendingProgress is { } progress)
        {
            _signals.Enqueue(progress);
            _pendingProgress = null;
        }
    }
}

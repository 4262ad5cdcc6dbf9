namespace LlmOs.Engine.Scheduling;

/// <summary>
/// Wakes one waiting loop. The loop resets it, checks its state, and only then waits, so a signal that
/// arrives between the check and the wait is never lost.
/// </summary>
internal sealed class WakeSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set()
    {
        lock (_gate)
        {
            _signal.TrySetResult();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            if (_signal.Task.IsCompleted)
            {
                _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Waits until set, or until <paramref name="timeout"/> passes (infinite when negative).</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        Task signal;
        lock (_gate)
        {
            signal = _signal.Task;
        }

        if (timeout < TimeSpan.Zero)
        {
            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await Task.WhenAny(signal, Task.Delay(timeout, time, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}

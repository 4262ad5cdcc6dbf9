using Tmds.DBus.Protocol;

namespace LlmOs.Client.Intents;

/// <summary>
/// Keeps an intent handler registered across llmosd restarts: llmosd forgets a handler when it leaves the bus and learns
/// it again when the app registers again, so each new owner of <c>org.llmos.Daemon</c> gets the registration anew.
/// Failures are swallowed and retried with a short backoff (a daemon just started may not answer yet); nothing is logged
/// (this is a library, and the app's own calls report llmosd missing). Runs until disposed or the connection closes.
/// </summary>
internal sealed class IntentRegistrationKeeper : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _keeping;

    /// <param name="daemonOwner">The watcher of <c>org.llmos.Daemon</c>'s owner.</param>
    /// <param name="registeredWith">The owner identifier of the daemon the handler was registered with (null: none known).</param>
    /// <param name="disconnected">Completes when the connection closes.</param>
    /// <param name="register">Registers the handler with its current intents.</param>
    public IntentRegistrationKeeper(NameOwnerWatcher daemonOwner, string? registeredWith, Task disconnected, Func<CancellationToken, Task> register)
    {
        _keeping = KeepAsync(daemonOwner, registeredWith, disconnected, register, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _keeping.ConfigureAwait(false); // no registration in flight once this returns (KeepAsync never throws)
        _stop.Dispose();
    }

    private static async Task KeepAsync(NameOwnerWatcher daemonOwner, string? registered, Task disconnected, Func<CancellationToken, Task> register, CancellationToken stop)
    {
        await Task.Yield(); // off the caller's stack
        var retry = FirstRetry;
        while (!stop.IsCancellationRequested && !disconnected.IsCompleted)
        {
            try
            {
                if (registered is not null)
                {
                    await WhenCancelledAsync(daemonOwner.GetOwnerChangedCancellationToken(registered), stop).ConfigureAwait(false);
                    registered = null;
                }

                string owner = await daemonOwner.WaitForOwnerAsync(stop).WaitAsync(stop).ConfigureAwait(false);
                await register(stop).ConfigureAwait(false);
                registered = owner; // if another owner answered meanwhile, this one's token is already cancelled: register again
                retry = FirstRetry;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever failed (refused, unreachable, a closed connection), the next owner or the retry decides.
            catch (Exception)
#pragma warning restore CA1031
            {
                if (!await DelayAsync(retry, stop).ConfigureAwait(false))
                {
                    return;
                }

                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
            }
        }
    }

    private static async Task WhenCancelledAsync(CancellationToken token, CancellationToken stop)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = token.UnsafeRegister(static state => ((TaskCompletionSource)state!).TrySetResult(), cancelled);
        await cancelled.Task.WaitAsync(stop).ConfigureAwait(false);
    }

    /// <summary>Waits <paramref name="delay"/>; false if stopped meanwhile.</summary>
    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

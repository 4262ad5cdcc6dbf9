using LlmOs.Engine.Errors;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Scheduling;

public sealed partial class Scheduler
{
    /// <summary>How long an app's handler may take to answer before its task fails, unless <see cref="SchedulerOptions.IntentHandlerTimeout"/> says otherwise.</summary>
    public static readonly TimeSpan IntentHandlerTimeout = TimeSpan.FromSeconds(30);

    // Intent tasks start at once and so never count as queued; this bounds how many one uid has running (under _admission).
    private readonly Dictionary<uint, int> _intentsRunning = [];

    /// <summary>
    /// Hands an intent to the handler registered for it on behalf of the caller. It needs no model, so it starts at
    /// once, under the same per-client limits as other work; cancelling the task cancels the call to the handler.
    /// Throws <see cref="EngineException"/> (<see cref="ErrorKind.Unsupported"/>) when no handler takes the intent.
    /// </summary>
    public TaskRecord SubmitIntent(IntentInvocation invocation, IntentRegistry registry, TaskPriority priority = TaskPriority.Interactive)
    {
        var (registration, _) = registry.Find(invocation.Intent, invocation.CallerUid)
            ?? throw new EngineException(ErrorKind.Unsupported, $"no app has registered a handler for intent '{invocation.Intent}'", "input.intent");
        var handler = registration.Handler;
        return StartNow(
            invocation.CallerUid,
            id => new TaskRecord(id, invocation, handler, _time) { Priority = priority },
            async task => task.CompleteIntent(await CallHandlerAsync(handler, invocation, task.CancellationToken).ConfigureAwait(false)));
    }

    /// <summary>
    /// Asks an app's handler under the handler timeout. A handler that does not answer in time fails with
    /// <see cref="ErrorKind.Internal"/>; cancelling <paramref name="cancellationToken"/> throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<IntentReply> CallHandlerAsync(IIntentHandler handler, IntentInvocation invocation, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.IntentHandlerTimeout);
        try
        {
            return await handler.HandleAsync(invocation, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EngineException(ErrorKind.Internal, $"the handler at {handler.Address} did not answer within {_options.IntentHandlerTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is not (OperationCanceledException or EngineException))
        {
            throw new EngineException(ErrorKind.Internal, $"the handler at {handler.Address} failed: {e.Message}");
        }
    }

    /// <summary>
    /// Admits a task that needs no model queue (an intent, an ask) and runs <paramref name="run"/> at once, under
    /// the per-client limits. <paramref name="run"/> completes the task; a throw fails it (cancellation cancels it).
    /// </summary>
    internal TaskRecord StartNow(uint uid, Func<string, TaskRecord> create, Func<TaskRecord, Task> run)
    {
        CountIntent(uid, +1);
        TaskRecord task;
        try
        {
            task = Admit(uid, create, startNow: true);
        }
        catch
        {
            CountIntent(uid, -1);
            throw;
        }

        if (task.State == TaskState.Running)
        {
            _ = RunNowAsync(task, run);
        }
        else
        {
            CountIntent(uid, -1);
        }

        return task;
    }

    /// <summary>Counts a uid's running intent tasks; refuses one more than <see cref="SchedulerOptions.MaxIntentsPerUid"/> with busy.</summary>
    private void CountIntent(uint uid, int change)
    {
        lock (_admission)
        {
            int running = _intentsRunning.GetValueOrDefault(uid);
            if (change > 0 && running >= _options.MaxIntentsPerUid)
            {
                throw new EngineException(ErrorKind.Busy, $"you have {running} intent requests waiting for their handlers, the most one client may", retryAfter: TimeSpan.FromSeconds(1));
            }

            running += change;
            if (running > 0)
            {
                _intentsRunning[uid] = running;
            }
            else
            {
                _intentsRunning.Remove(uid);
            }
        }
    }

    private async Task RunNowAsync(TaskRecord task, Func<TaskRecord, Task> run)
    {
        try
        {
            await Task.Yield(); // the caller gets its task back before any of the work runs
            await run(task).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (task.CancellationToken.IsCancellationRequested)
        {
            task.MarkCancelled();
        }
        catch (EngineException e)
        {
            task.Fail(e.Kind, e.Message);
        }
#pragma warning disable CA1031 // whatever goes wrong in one client's request fails its task, never the daemon
        catch (Exception e)
#pragma warning restore CA1031
        {
            task.Fail(ErrorKind.Internal, e.Message);
        }
        finally
        {
            CountIntent(task.OwnerUid, -1);
            Finished(task, 0);
        }
    }
}

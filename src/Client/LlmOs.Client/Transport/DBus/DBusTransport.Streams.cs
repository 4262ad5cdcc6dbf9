using System.Runtime.CompilerServices;
using LlmOs.Ipc.Errors;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Client.Transport.DBus;

/// <summary>
/// Task streams from the task objects' signals, as the same events the socket's Server-Sent Events carry: <c>queued</c>,
/// <c>started</c> (with the task), <c>delta</c>s (a voice task's <c>transcript</c> and <c>intent</c>), then one of
/// <c>completed</c>, <c>failed</c>, <c>cancelled</c> (with the task).
/// </summary>
public sealed partial class DBusTransport
{
    public async IAsyncEnumerable<TaskStreamEvent> SubmitStreamingAsync(TaskSubmitRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (id, claim) = await SubmitAndClaimAsync(request, cancellationToken).ConfigureAwait(false);
        bool finished = false;
        try
        {
            yield return new TaskStreamEvent(TaskEventNames.Queued, new TaskEventData(id));
            await foreach (var taskEvent in ReadSignalsAsync(id, claim.Queue, started: false, cancellationToken).ConfigureAwait(false))
            {
                finished = taskEvent.IsFinal;
                yield return taskEvent;
            }
        }
        finally
        {
            claim.Dispose();
            if (!finished)
            {
                // Left early (or cancelled): the task is of no use to anyone now.
                await CancelQuietlyAsync(id).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Follows a task from now on (Task1.Watch): its state when asked, then its signals. Unlike the socket, D-Bus
    /// cannot replay the deltas sent before the call, so a running task's stream starts with the text still to come.
    /// If llmosd leaves the bus before the task ends, the stream fails with <see cref="LlmosUnreachableException"/>.
    /// </summary>
    public async IAsyncEnumerable<TaskStreamEvent> FollowTaskAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var call = BusCall.Task(id, "Watch");
        var bus = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        using var claim = bus.Signals.Claim(call.Path);
        string? daemon = await CallAsync(call, ReplyReaders.Sender, null, cancellationToken).ConfigureAwait(false);
        claim.EndWhenDaemonLeaves(daemon);
        var task = await GetTaskAsync(id, cancellationToken).ConfigureAwait(false);

        yield return new TaskStreamEvent(TaskEventNames.Queued, new TaskEventData(id));
        if (TaskStates.IsFinal(task.State))
        {
            yield return Final(task.State, task);
            yield break;
        }

        bool started = task.State != TaskStates.Queued;
        if (started)
        {
            yield return new TaskStreamEvent(TaskEventNames.Started, new TaskEventData(id, Task: task));
        }

        await foreach (var taskEvent in ReadSignalsAsync(id, claim.Queue, started, cancellationToken).ConfigureAwait(false))
        {
            yield return taskEvent;
        }
    }

    /// <summary>The events a task's signals make, up to and including the final one.</summary>
    private async IAsyncEnumerable<TaskStreamEvent> ReadSignalsAsync(string id, TaskSignalQueue signals, bool started, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var signal = await signals.ReadAsync(cancellationToken).ConfigureAwait(false);
            bool starts = !started && signal.Kind switch
            {
                TaskSignalKind.StateChanged => signal.State == TaskStates.Running,
                TaskSignalKind.Delta or TaskSignalKind.Transcript or TaskSignalKind.Intent => true, // no state change seen (yet): output means it runs
                _ => false,
            };
            if (starts)
            {
                started = true;
                yield return new TaskStreamEvent(TaskEventNames.Started, new TaskEventData(id, Task: await GetTaskOrNullAsync(id, cancellationToken).ConfigureAwait(false)));
            }

            if (signal.Kind == TaskSignalKind.Delta)
            {
                yield return new TaskStreamEvent(TaskEventNames.Delta, new TaskEventData(id, signal.Text));
            }
            else if (signal.Kind is TaskSignalKind.Transcript or TaskSignalKind.Intent)
            {
                string name = signal.Kind == TaskSignalKind.Transcript ? TaskEventNames.Transcript : TaskEventNames.Intent;
                yield return new TaskStreamEvent(name, new TaskEventData(id, signal.Text));
            }
            else if (signal.Kind == TaskSignalKind.Finished)
            {
                var task = signal.Task ?? await GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
                yield return Final(signal.State ?? task.State, task);
                yield break;
            }
        }
    }

    private static TaskStreamEvent Final(string state, TaskDto task) => new(
        state switch
        {
            TaskStates.Completed => TaskEventNames.Completed,
            TaskStates.Cancelled => TaskEventNames.Cancelled,
            TaskStates.Failed => TaskEventNames.Failed,
            _ => throw new LlmosException(ErrorCodes.Internal, $"task {task.Id} finished in the state '{state}'"),
        },
        new TaskEventData(task.Id, Task: task));
}

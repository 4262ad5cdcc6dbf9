using LlmOs.Ipc;
using LlmOs.Ipc.Errors;
using LlmOs.Ipc.Tasks;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>Tasks: Daemon1's Submit, GetTask and ListTasks, and the task objects' Cancel.</summary>
public sealed partial class DBusTransport
{
    public async Task<TaskDto> SubmitAsync(TaskSubmitRequest request, bool wait, CancellationToken cancellationToken)
    {
        if (!wait)
        {
            // As a plain POST on the socket: the task runs on when this client goes.
            var (path, _) = await SubmitCoreAsync(request, detach: true, cancellationToken).ConfigureAwait(false);
            return await GetTaskAsync(BusCall.TaskId(path), cancellationToken).ConfigureAwait(false);
        }

        var (id, claim) = await SubmitAndClaimAsync(request, cancellationToken).ConfigureAwait(false);
        using (claim)
        {
            try
            {
                while (true)
                {
                    var signal = await claim.Queue.ReadAsync(cancellationToken).ConfigureAwait(false);
                    if (signal.Kind == TaskSignalKind.Finished)
                    {
                        return signal.Task ?? await GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await CancelQuietlyAsync(id).ConfigureAwait(false);
                throw;
            }
        }
    }

    public Task<TaskDto> GetTaskAsync(string id, CancellationToken cancellationToken) =>
        CallForRecordAsync(
            BusCall.Daemon("GetTask", "s"),
            id,
            static (ref MessageWriter writer, string id) => writer.WriteString(id),
            IpcJsonContext.Default.TaskDto,
            cancellationToken);

    public async Task<TaskListResponse> ListTasksAsync(CancellationToken cancellationToken)
    {
        string[] paths = await CallAsync(BusCall.Daemon("ListTasks"), ReplyReaders.ObjectPaths, null, cancellationToken).ConfigureAwait(false);

        // One call per task, all in flight at once on the one connection.
        var reads = paths.Select(path => GetTaskOrNullAsync(BusCall.TaskId(path), cancellationToken));
        var tasks = await Task.WhenAll(reads).ConfigureAwait(false);
        return new TaskListResponse([.. tasks.OfType<TaskDto>()]);
    }

    public async Task<TaskDto> CancelTaskAsync(string id, CancellationToken cancellationToken)
    {
        await CallAsync(BusCall.Task(id, "Cancel"), ReplyReaders.None, null, cancellationToken).ConfigureAwait(false);
        return await GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Submits and returns the task's object path and the unique name of the llmosd that took it. Cancelled before the
    /// answer came, the task is cancelled once it does.
    /// </summary>
    private async Task<(string Path, string? Daemon)> SubmitCoreAsync(TaskSubmitRequest request, bool detach, CancellationToken cancellationToken)
    {
        var submit = CallAsync(BusCall.Daemon("Submit", SubmitArguments.Signature), (request, detach), SubmitArguments.Write, ReplyReaders.ObjectPathAndSender, null, CancellationToken.None);
        try
        {
            return await submit.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _ = CancelOnceSubmittedAsync(submit);
            throw;
        }
    }

    /// <summary>
    /// Submits a task this client follows to its end (not detached) and starts receiving its signals, until they end or
    /// the llmosd that took the task leaves the bus (which fails the follower with <see cref="LlmosUnreachableException"/>).
    /// </summary>
    private async Task<(string Id, TaskSignalClaim Claim)> SubmitAndClaimAsync(TaskSubmitRequest request, CancellationToken cancellationToken)
    {
        var bus = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var (path, daemon) = await SubmitCoreAsync(request, detach: false, cancellationToken).ConfigureAwait(false);

        // Signals that came before this line wait in the router's buffer; the claim takes them over.
        var claim = bus.Signals.Claim(path);
        claim.EndWhenDaemonLeaves(daemon);
        return (BusCall.TaskId(path), claim);
    }

    private async Task CancelOnceSubmittedAsync(Task<(string Path, string? Daemon)> submit)
    {
        try
        {
            await CancelQuietlyAsync(BusCall.TaskId((await submit.ConfigureAwait(false)).Path)).ConfigureAwait(false);
        }
        catch (LlmosException)
        {
            // Refused or unreachable: there is no task to cancel.
        }
    }

    private async Task<TaskDto?> GetTaskOrNullAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (LlmosException e) when (e.Code == ErrorCodes.NotFound)
        {
            return null; // forgotten (retention) between the list and the read
        }
    }
}

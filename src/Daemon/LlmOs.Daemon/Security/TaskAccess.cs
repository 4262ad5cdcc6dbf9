using LlmOs.Engine.Tasks;

namespace LlmOs.Daemon.Security;

/// <summary>
/// Which task a caller may read, follow or cancel, on both transports: its own, and another user's only as an
/// administrator. polkit is asked only when the task exists and is someone else's, so a caller's own tasks never wait
/// on it; a refused caller gets null (answered not_found), so another user's task ids are not given away.
/// </summary>
internal sealed class TaskAccess(TaskStore store, Administrators administrators)
{
    public async ValueTask<TaskRecord?> FindAsync(string id, AdminCaller caller, CancellationToken cancellationToken)
    {
        var task = store.Find(id);
        if (task is null || task.OwnerUid == caller.Uid)
        {
            return task;
        }

        return await administrators.IsAdministratorAsync(caller, cancellationToken).ConfigureAwait(false) ? task : null;
    }
}

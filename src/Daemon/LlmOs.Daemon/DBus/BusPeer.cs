using LlmOs.Engine.Tasks;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// One connection on the bus that has called llmosd (a unique name such as <c>:1.42</c>): its uid, asked of the bus
/// once, and the tasks that end when it leaves. Unique names are never reused, so a peer that has left stays gone.
/// </summary>
internal sealed class BusPeer(string uniqueName, DBusConnection connection, Task<uint> uid)
{
    private readonly Lock _gate = new();
    private List<TaskRecord>? _tasks;
    private bool _gone;

    public string UniqueName { get; } = uniqueName;

    /// <summary>Our connection the peer called on: after a reconnect the bus may hand its unique name to someone else.</summary>
    public DBusConnection Connection { get; } = connection;

    /// <summary>The uid behind the connection, from <c>org.freedesktop.DBus.GetConnectionUnixUser</c>.</summary>
    public Task<uint> Uid { get; } = uid;

    /// <summary>Ties a task to this connection so that it is cancelled when the connection leaves; false when it already has.</summary>
    public bool Attach(TaskRecord task)
    {
        lock (_gate)
        {
            if (_gone)
            {
                return false;
            }

            _tasks ??= [];
            _tasks.RemoveAll(static t => t.IsFinished);
            _tasks.Add(task);
            return true;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> only while the connection is still here, atomically with its departure: once
    /// <see cref="Leave"/> has run, nothing more is done on its behalf (false).
    /// </summary>
    public bool WhileHere(Action action)
    {
        lock (_gate)
        {
            if (_gone)
            {
                return false;
            }

            action();
            return true;
        }
    }

    /// <summary>Marks the connection gone and hands back its tasks that are still running or queued.</summary>
    public List<TaskRecord> Leave()
    {
        lock (_gate)
        {
            _gone = true;
            var tasks = _tasks ?? [];
            _tasks = null;
            tasks.RemoveAll(static t => t.IsFinished);
            return tasks;
        }
    }
}

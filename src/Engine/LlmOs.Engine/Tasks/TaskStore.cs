using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LlmOs.Engine.Tasks;

/// <summary>All tasks the daemon remembers: live ones, and finished ones until their retention ends.</summary>
public sealed class TaskStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TaskRecord> _tasks = new(StringComparer.Ordinal);

    /// <summary>16 hex digits: unguessable, and valid in a D-Bus object path.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public void Add(TaskRecord task) => _tasks[task.Id] = task;

    public TaskRecord? Find(string id) => _tasks.GetValueOrDefault(id);

    /// <summary>The tasks of one owner (or of all, for null), oldest first.</summary>
    public List<TaskRecord> List(uint? owner) =>
        [.. _tasks.Values.Where(t => owner is null || t.OwnerUid == owner).OrderBy(t => t.CreatedAt)];

    /// <summary>Forgets tasks that finished longer than <paramref name="retention"/> ago; returns how many.</summary>
    public int Sweep(TimeSpan retention)
    {
        var cutoff = time.GetUtcNow() - retention;
        int removed = 0;
        foreach (var (id, task) in _tasks)
        {
            if (task.FinishedAt is { } finished && finished <= cutoff && _tasks.TryRemove(id, out _))
            {
                removed++;
            }
        }

        return removed;
    }
}

using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// The waiting tasks of one model: one queue per client uid at each priority, served round-robin, so a burst
/// of a hundred tasks from one client waits behind a single task of another instead of in front of it.
/// Interactive work is always taken before background work. Not thread-safe: the scheduler locks around it.
/// </summary>
internal sealed class FairQueue
{
    private readonly Level[] _levels = [new(), new()];

    /// <summary>Tasks waiting here that have not been cancelled.</summary>
    public int Waiting { get; set; }

    public void Enqueue(TaskRecord task)
    {
        _levels[(int)task.Priority].Enqueue(task);
        Waiting++;
    }

    /// <summary>
    /// The next task to run, skipping clients that <paramref name="mayRun"/> refuses; null when none may run, or when
    /// <paramref name="fits"/> refuses the task whose turn it is (it stays first in line).
    /// </summary>
    public TaskRecord? TryTake(Func<uint, bool> mayRun, Func<TaskRecord, bool>? fits = null)
    {
        foreach (var level in _levels)
        {
            if (level.TryTake(mayRun, fits, out bool refused) is { } task)
            {
                return task;
            }

            if (refused)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Empties the queue, returning every task still in it.</summary>
    public List<TaskRecord> DrainAll() => [.. _levels.SelectMany(l => l.DrainAll())];

    private sealed class Level
    {
        private readonly Dictionary<uint, Queue<TaskRecord>> _byUid = [];
        private readonly List<uint> _ring = [];
        private int _next;

        public void Enqueue(TaskRecord task)
        {
            if (!_byUid.TryGetValue(task.OwnerUid, out var queue))
            {
                queue = new Queue<TaskRecord>();
                _byUid[task.OwnerUid] = queue;
                _ring.Add(task.OwnerUid); // a newcomer is served after those already waiting, before a second turn of theirs
            }

            queue.Enqueue(task);
        }

        public TaskRecord? TryTake(Func<uint, bool> mayRun, Func<TaskRecord, bool>? fits, out bool refused)
        {
            refused = false;
            for (int tried = 0; tried < _ring.Count;)
            {
                int at = (_next + tried) % _ring.Count;
                uint uid = _ring[at];
                var queue = _byUid[uid];
                while (queue.TryPeek(out var head) && head.IsFinished)
                {
                    queue.Dequeue(); // cancelled while it waited
                }

                if (queue.Count == 0)
                {
                    Remove(at);
                    continue;
                }

                if (!mayRun(uid))
                {
                    tried++;
                    continue;
                }

                // _next is kept unreduced: a client that joins the ring now is next in turn, not skipped by the modulo.
                if (fits is not null && !fits(queue.Peek()))
                {
                    refused = true;
                    return null;
                }

                var task = queue.Dequeue();
                if (queue.Count == 0)
                {
                    Remove(at);
                    _next = at;
                }
                else
                {
                    _next = at + 1;
                }

                return task;
            }

            return null;
        }

        public List<TaskRecord> DrainAll()
        {
            var all = _byUid.Values.SelectMany(q => q).ToList();
            _byUid.Clear();
            _ring.Clear();
            _next = 0;
            return all;
        }

        private void Remove(int at)
        {
            _byUid.Remove(_ring[at]);
            _ring.RemoveAt(at);
            if (_next > at)
            {
                _next--;
            }

        }
    }
}

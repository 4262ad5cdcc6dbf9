using LlmOs.Engine.Generation;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Tests;

/// <summary>The fair queue on its own: round-robin across uids, priorities, cancelled tasks, refusals, draining.</summary>
public sealed class FairQueueTests
{
    private const uint A = 1001;
    private const uint B = 1002;
    private const uint C = 1003;

    private static readonly Func<uint, bool> Anyone = _ => true;

    private readonly FairQueue _queue = new();
    private int _created;

    private TaskRecord Add(uint uid, TaskPriority priority = TaskPriority.Interactive)
    {
        var task = new TaskRecord($"t{_created++}", uid, "m", $"{uid}-{priority}-{_created}", new GenerationOptions(), TimeProvider.System)
        {
            Priority = priority,
        };
        _queue.Enqueue(task);
        return task;
    }

    private List<TaskRecord> TakeAll(Func<uint, bool>? mayRun = null)
    {
        var taken = new List<TaskRecord>();
        while (_queue.TryTake(mayRun ?? Anyone) is { } task)
        {
            taken.Add(task);
        }

        return taken;
    }

    [Fact]
    public void Empty_queue_gives_nothing()
    {
        Assert.Null(_queue.TryTake(Anyone));
    }

    [Fact]
    public void One_uid_is_served_in_submission_order()
    {
        var tasks = Enumerable.Range(0, 5).Select(_ => Add(A)).ToList();

        Assert.Equal(tasks, TakeAll());
    }

    [Fact]
    public void Uids_are_served_round_robin_in_the_order_they_arrived()
    {
        var a = Enumerable.Range(0, 3).Select(_ => Add(A)).ToList();
        var b = Enumerable.Range(0, 3).Select(_ => Add(B)).ToList();
        var c = Enumerable.Range(0, 3).Select(_ => Add(C)).ToList();

        Assert.Equal([a[0], b[0], c[0], a[1], b[1], c[1], a[2], b[2], c[2]], TakeAll());
    }

    [Fact]
    public void Single_task_of_a_second_uid_is_taken_right_after_the_first_task_of_a_burst()
    {
        var burst = Enumerable.Range(0, 100).Select(_ => Add(A)).ToList();
        Assert.Same(burst[0], _queue.TryTake(Anyone));

        var single = Add(B);

        Assert.Same(single, _queue.TryTake(Anyone));
        Assert.Equal(burst.Skip(1), TakeAll());
    }

    [Fact]
    public void Uid_whose_queue_ran_empty_when_served_does_not_get_a_second_turn_before_a_newcomer()
    {
        // A's only task is taken, then A bursts and B arrives: B has not been served yet, A just was.
        var first = Add(A);
        Assert.Same(first, _queue.TryTake(Anyone));
        var burst = Enumerable.Range(0, 3).Select(_ => Add(A)).ToList();
        var single = Add(B);

        Assert.Equal([single, .. burst], TakeAll());
    }

    [Fact]
    public void Newcomer_joins_the_rotation_after_the_uids_already_waiting_their_turn()
    {
        var a = Enumerable.Range(0, 3).Select(_ => Add(A)).ToList();
        var b = Enumerable.Range(0, 3).Select(_ => Add(B)).ToList();
        Assert.Same(a[0], _queue.TryTake(Anyone));

        var c = Add(C); // B has waited longer than C: B first, then C, then A's second turn

        Assert.Equal([b[0], c, a[1], b[1], a[2], b[2]], TakeAll());
    }

    [Fact]
    public void Interactive_tasks_are_taken_before_background_ones_submitted_earlier()
    {
        var background = Enumerable.Range(0, 3).Select(_ => Add(A, TaskPriority.Background)).ToList();
        var interactive = new[] { Add(B), Add(C), Add(B) };

        Assert.Equal([interactive[0], interactive[1], interactive[2], .. background], TakeAll());
    }

    [Fact]
    public void Interactive_task_arriving_between_takes_overtakes_waiting_background_work()
    {
        var background = new[] { Add(A, TaskPriority.Background), Add(A, TaskPriority.Background) };
        Assert.Same(background[0], _queue.TryTake(Anyone));

        var interactive = Add(A);

        Assert.Same(interactive, _queue.TryTake(Anyone));
        Assert.Same(background[1], _queue.TryTake(Anyone));
    }

    [Fact]
    public void Background_level_is_itself_round_robin_across_uids()
    {
        var a = Enumerable.Range(0, 2).Select(_ => Add(A, TaskPriority.Background)).ToList();
        var b = Add(B, TaskPriority.Background);

        Assert.Equal([a[0], b, a[1]], TakeAll());
    }

    [Fact]
    public void Cancelled_tasks_are_skipped_and_a_uid_with_only_cancelled_tasks_loses_its_turn()
    {
        var a = new[] { Add(A), Add(A), Add(A) };
        var b = new[] { Add(B), Add(B) };
        var c = Add(C);
        a[0].RequestCancel();
        a[1].RequestCancel();
        b[0].RequestCancel();
        b[1].RequestCancel();

        Assert.Equal([a[2], c], TakeAll());
        Assert.Equal(TaskState.Cancelled, b[1].State);
    }

    [Fact]
    public void Queue_holding_only_cancelled_tasks_gives_nothing()
    {
        Add(A).RequestCancel();
        Add(B, TaskPriority.Background).RequestCancel();

        Assert.Null(_queue.TryTake(Anyone));
        Assert.Empty(_queue.DrainAll());
    }

    [Fact]
    public void Uid_refused_by_may_run_is_skipped_for_the_next_uid_and_keeps_its_tasks()
    {
        var a = new[] { Add(A), Add(A) };
        var b = Add(B);
        var asked = new List<uint>();

        var taken = _queue.TryTake(uid =>
        {
            asked.Add(uid);
            return uid != A;
        });

        Assert.Same(b, taken);
        Assert.Equal([A, B], asked);
        Assert.Null(_queue.TryTake(uid => uid != A));
        Assert.Equal(a, TakeAll());
    }

    [Fact]
    public void Refused_interactive_uid_lets_background_work_of_another_uid_run()
    {
        var interactive = Add(A);
        var background = Add(B, TaskPriority.Background);

        Assert.Same(background, _queue.TryTake(uid => uid != A));
        Assert.Same(interactive, _queue.TryTake(Anyone));
    }

    [Fact]
    public void When_every_uid_is_refused_nothing_is_taken_and_nothing_is_lost()
    {
        var tasks = new[] { Add(A), Add(B), Add(C, TaskPriority.Background) };

        Assert.Null(_queue.TryTake(_ => false));

        Assert.Equal(tasks, TakeAll());
    }

    [Fact]
    public void Drain_all_returns_every_waiting_task_of_both_priorities_and_empties_the_queue()
    {
        var tasks = new[] { Add(A), Add(A), Add(B), Add(C, TaskPriority.Background) };
        _queue.TryTake(Anyone);

        var drained = _queue.DrainAll();

        Assert.Equal(tasks.Skip(1).OrderBy(t => t.Id), drained.OrderBy(t => t.Id));
        Assert.Null(_queue.TryTake(Anyone));

        var later = Add(B);
        Assert.Same(later, _queue.TryTake(Anyone));
    }
}

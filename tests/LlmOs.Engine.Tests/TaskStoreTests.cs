using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Tests;

public sealed class TaskStoreTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    private readonly ManualTimeProvider _time = new();
    private readonly TaskStore _store;

    public TaskStoreTests() => _store = new TaskStore(_time);

    private TaskRecord NewTask(uint owner = 1000)
    {
        var task = new TaskRecord(TaskStore.NewId(), owner, "stories", "prompt", new GenerationOptions(), _time);
        _store.Add(task);
        return task;
    }

    [Fact]
    public void Sweep_forgets_only_tasks_finished_longer_ago_than_the_retention()
    {
        var finishedLongAgo = NewTask();
        finishedLongAgo.Complete(1, FinishReason.Stop);
        _time.Advance(TimeSpan.FromMinutes(5));
        var failedRecently = NewTask();
        failedRecently.TryStart();
        failedRecently.Fail(ErrorKind.Internal, "boom");
        var running = NewTask();
        running.TryStart();
        var queued = NewTask();
        _time.Advance(TimeSpan.FromMinutes(6));

        int removed = _store.Sweep(Retention);

        Assert.Equal(1, removed);
        Assert.Null(_store.Find(finishedLongAgo.Id));
        Assert.Same(failedRecently, _store.Find(failedRecently.Id));
        Assert.Same(running, _store.Find(running.Id));
        Assert.Same(queued, _store.Find(queued.Id));
    }

    [Fact]
    public void Sweep_never_forgets_unfinished_tasks_however_old()
    {
        var running = NewTask();
        running.TryStart();
        _time.Advance(TimeSpan.FromSeconds(1));
        var queued = NewTask();
        _time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, _store.Sweep(Retention));
        Assert.Equal([running, queued], _store.List(null));
    }

    [Fact]
    public void Sweep_forgets_a_task_once_its_retention_has_passed()
    {
        var cancelled = NewTask();
        cancelled.RequestCancel();

        _time.Advance(Retention - TimeSpan.FromSeconds(1));
        Assert.Equal(0, _store.Sweep(Retention));
        Assert.NotNull(_store.Find(cancelled.Id));

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, _store.Sweep(Retention));
        Assert.Null(_store.Find(cancelled.Id));
        Assert.Equal(0, _store.Sweep(Retention));
    }

    [Fact]
    public void List_filters_by_owner_and_orders_oldest_first()
    {
        var a1 = NewTask(owner: 1000);
        _time.Advance(TimeSpan.FromSeconds(1));
        var b1 = NewTask(owner: 2000);
        _time.Advance(TimeSpan.FromSeconds(1));
        var a2 = NewTask(owner: 1000);

        Assert.Equal([a1, a2], _store.List(1000));
        Assert.Equal([b1], _store.List(2000));
        Assert.Empty(_store.List(3000));
        Assert.Equal([a1, b1, a2], _store.List(null));
    }

    [Fact]
    public void Find_returns_null_for_an_unknown_id()
    {
        NewTask();

        Assert.Null(_store.Find("0000000000000000"));
    }

    [Fact]
    public void New_ids_are_16_lowercase_hex_digits_and_distinct()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => TaskStore.NewId()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{16}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}

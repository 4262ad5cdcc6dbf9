using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Security;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Tasks;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Daemon.Tests.Security;

/// <summary>polkit is asked about a task only when it exists and is another user's.</summary>
public sealed class TaskAccessTests
{
    private const uint Alice = 1001;
    private const uint Bob = 1002;

    private readonly TaskStore _store = new(TimeProvider.System);

    [Fact]
    public async Task A_callers_own_task_is_found_without_asking_polkit()
    {
        var polkit = FakePolkit.Says(false);
        var task = Add(Alice);

        Assert.Same(task, await Access(polkit).FindAsync(task.Id, Caller(Alice), CancellationToken.None));
        Assert.Empty(polkit.Questions);
    }

    [Fact]
    public async Task An_unknown_id_is_not_found_without_asking_polkit()
    {
        var polkit = FakePolkit.Says(true);

        Assert.Null(await Access(polkit).FindAsync(TaskStore.NewId(), Caller(Bob), CancellationToken.None));
        Assert.Empty(polkit.Questions);
    }

    [Fact]
    public async Task Another_users_task_is_found_only_on_polkits_yes()
    {
        var task = Add(Alice);
        var no = FakePolkit.Says(false);
        var yes = FakePolkit.Says(true);

        Assert.Null(await Access(no).FindAsync(task.Id, Caller(Bob), CancellationToken.None));
        Assert.Same(task, await Access(yes).FindAsync(task.Id, Caller(Bob), CancellationToken.None));
        Assert.Single(no.Questions);
        Assert.Single(yes.Questions);
    }

    [Fact]
    public async Task Root_finds_anyones_task_without_asking_polkit()
    {
        var polkit = FakePolkit.Says(false);
        var task = Add(Alice);

        Assert.Same(task, await Access(polkit).FindAsync(task.Id, Caller(0), CancellationToken.None));
        Assert.Empty(polkit.Questions);
    }

    private TaskRecord Add(uint owner)
    {
        var task = new TaskRecord(TaskStore.NewId(), owner, "stories", "Once upon a time", new GenerationOptions(), TimeProvider.System);
        _store.Add(task);
        return task;
    }

    private TaskAccess Access(FakePolkit polkit) =>
        new(_store, new Administrators(polkit, new AdministratorRules(DaemonMode.System, 990), NullLogger<Administrators>.Instance));

    private static AdminCaller Caller(uint uid) => AdminCaller.WithPid(uid, (uint)Environment.ProcessId);
}

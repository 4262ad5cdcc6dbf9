using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>A task belongs to the uid the bus says its submitter has: another user can neither read nor cancel it.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BusOwnershipTests
{
    [Fact]
    public async Task Another_user_cannot_read_cancel_or_watch_roots_task_and_is_told_it_does_not_exist()
    {
        await using var bus = await BusDaemon.StartAsync();
        await using var root = await bus.ConnectAsync();
        string path = await root.SubmitGenerateAsync("Once upon a time", LongGeneration.Tokens, detach: true);
        string id = BusTools.TaskId(path);
        await root.WaitForAsync(s => s.Path == path && s.Member == "Delta");

        var get = await BusTools.GdbusCallAsAsync(TestUsers.Alice, bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.GetTask", id);
        var cancel = await BusTools.GdbusCallAsAsync(TestUsers.Alice, bus.Address, path, "org.llmos.Task1.Cancel");
        var watch = await BusTools.GdbusCallAsAsync(TestUsers.Alice, bus.Address, path, "org.llmos.Task1.Watch");
        var state = await BusTools.GdbusCallAsAsync(TestUsers.Alice, bus.Address, path, "org.freedesktop.DBus.Properties.Get", DBusNames.TaskInterface, "State");
        var list = await BusTools.GdbusCallAsAsync(TestUsers.Alice, bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.ListTasks");

        foreach (var refused in (ProcessRunner.Result[])[get, cancel, watch, state])
        {
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("org.llmos.Error.NotFound", refused.Stderr);
        }

        Assert.True(list.ExitCode == 0, list.Stderr);
        Assert.DoesNotContain(id, list.Stdout);

        // Alice's refused Cancel left the task running; its owner still reads and cancels it.
        var task = await root.GetTaskAsync(id);
        Assert.Equal(TaskStates.Running, task.State);
        Assert.Equal(0u, task.OwnerUid);
        await root.CallAsync(path, DBusNames.TaskInterface, "Cancel", "", null, static (_, _) => true);
        Assert.Equal(TaskStates.Cancelled, (await root.WaitForFinishedAsync(path)).State);
    }

    [Fact]
    public async Task A_task_submitted_by_another_user_over_the_bus_is_owned_by_that_user()
    {
        await using var bus = await BusDaemon.StartAsync();

        var submitted = await BusTools.GdbusCallAsAsync(TestUsers.Alice, bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.Submit",
            "generate", "{'prompt': <'Once upon a time'>}", "{'max_tokens': <4>, 'detach': <true>}");

        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        var task = await bus.Daemon.Client.WaitAsync(BusTools.TaskId(BusTools.ObjectPath(submitted.Stdout)));
        Assert.Equal(await TestUsers.UidAsync(TestUsers.Alice), task.OwnerUid);
    }
}

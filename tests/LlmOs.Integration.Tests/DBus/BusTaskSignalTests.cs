using System.Diagnostics;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>A task's signals reach its submitter (and only it), coalesced; Cancel and the submitter's departure end the task.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BusTaskSignalTests
{
    private const int Long = LongGeneration.Tokens;

    /// <summary>Most of a second of generation for stories260K: running for a while, yet ending on its own (within a SIGTERM grace).</summary>
    private const int Finite = 2000;

    [Fact]
    public async Task Busctl_monitor_sees_the_coalesced_Deltas_and_Finished_that_the_submitter_receives()
    {
        await using var bus = await BusDaemon.StartAsync();
        using var monitor = await BusMonitor.StartAsync(bus.Address);
        await using var client = await bus.ConnectAsync();

        string path = await client.SubmitGenerateAsync("Once upon a time", 200);
        var finished = await client.WaitForFinishedAsync(path);

        Assert.Equal(TaskStates.Completed, finished.State);
        var result = finished.Task!.Result!;
        var deltas = client.SignalsOf(path).Where(s => s.Member == "Delta").Select(s => s.Text!).ToList();
        Assert.Equal(result.Text, string.Concat(deltas));
        Assert.InRange(deltas.Count, 1, result.Tokens);
        Assert.All(deltas.Skip(1).SkipLast(1), d => Assert.True(d.Length <= DeltaBound, $"a {d.Length}-character Delta"));
        var states = client.SignalsOf(path).Where(s => s.Member == "PropertiesChanged").Select(s => s.State).ToList();
        Assert.Equal(["running", "completed"], states);
        Assert.Equal("Finished", client.SignalsOf(path)[^1].Member); // after the last of the text

        // The monitor saw the same signals, each addressed to the submitter alone.
        var seen = await monitor.StopAsync(m => m.Path == path && m.Type == "signal");
        Assert.Equal(deltas, seen.Where(m => m.Member == "Delta").Select(m => m.Payload[0].GetString()!).ToList());
        Assert.Single(seen, m => m.Member == "Finished");
        Assert.All(seen, m => Assert.Equal(client.UniqueName, m.Destination));
    }

    [Fact]
    public async Task Busctl_Cancel_ends_a_long_detached_generation_within_a_second()
    {
        await using var bus = await BusDaemon.StartAsync();
        await using var client = await bus.ConnectAsync();
        string path = await client.SubmitGenerateAsync("Once upon a time", Long, detach: true);
        await client.WaitForAsync(s => s.Path == path && s.Member == "Delta");
        await Task.Delay(100);

        var watch = Stopwatch.StartNew();
        var cancel = await BusTools.BusctlAsync(bus.Address, "call", DBusNames.Service, path, DBusNames.TaskInterface, "Cancel");
        var finished = await client.WaitForFinishedAsync(path);
        watch.Stop();

        Assert.True(cancel.ExitCode == 0, cancel.Stderr);
        Assert.Equal(TaskStates.Cancelled, finished.State);
        Assert.Equal("cancelled", finished.Task!.Error!.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"Finished came {watch.Elapsed} after the Cancel call");
    }

    [Fact]
    public async Task A_submitter_that_leaves_the_bus_takes_its_task_with_it_unless_it_was_detached()
    {
        await using var bus = await BusDaemon.StartAsync();
        string attached, detached;
        await using (var client = await bus.ConnectAsync())
        {
            attached = BusTools.TaskId(await client.SubmitGenerateAsync("Once upon a time", Long));
            detached = BusTools.TaskId(await client.SubmitGenerateAsync("The dog", 40, detach: true));
            await client.WaitForAsync(s => s.Path == DBusNames.TaskPath(attached) && s.Member == "Delta");
        }

        var watch = Stopwatch.StartNew();
        var cancelled = await bus.Daemon.Client.WaitAsync(attached);
        Assert.Equal(TaskStates.Cancelled, cancelled.State);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"the task ended {watch.Elapsed} after its submitter left");
        var completed = await bus.Daemon.Client.WaitAsync(detached);
        Assert.Equal(TaskStates.Completed, completed.State);
    }

    [Fact]
    public async Task A_blocking_Generate_whose_caller_is_killed_cancels_its_task()
    {
        await using var bus = await BusDaemon.StartAsync();

        // gdbus killed while it waits for Generate's answer, as when a script is interrupted.
        var killed = await ProcessRunner.RunAsync("timeout", ["-s", "KILL", "0.5", "gdbus", "call", "--address", bus.Address, "--dest", DBusNames.Service,
            "--object-path", DBusNames.DaemonPath, "--method", "org.llmos.Daemon1.Generate", "Once upon a time", $"{{'max_tokens': <{Long}>, 'temperature': <0.0>}}"]);
        Assert.Equal(137, killed.ExitCode);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        TaskDto? task;
        while ((task = (await bus.Daemon.Client.ListTasksAsync()).SingleOrDefault()) is not { State: TaskStates.Cancelled } && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(TaskStates.Cancelled, task?.State);
        Assert.True(task!.Result is null, "the generation ran to its end");
    }

    [Fact]
    public async Task On_SIGTERM_a_running_task_finishes_within_the_grace_and_its_submitter_still_gets_Finished()
    {
        // The daemon's own default grace, where test daemons otherwise get 2 s.
        await using var bus = await BusDaemon.StartAsync(new DaemonProcess.Options { Environment = new Dictionary<string, string> { ["LLMOSD_SHUTDOWNGRACESECONDS"] = "10" } });
        await using var client = await bus.ConnectAsync();
        string path = await client.SubmitGenerateAsync("Once upon a time", Finite);
        await client.WaitForAsync(s => s.Path == path && s.Member == "Delta");

        await bus.Daemon.TerminateAsync();

        var finished = client.SignalsOf(path).SingleOrDefault(s => s.Member == "Finished");
        Assert.True(finished is not null, "no Finished before llmosd left the bus:\n" + bus.Daemon.Log);
        Assert.Equal(TaskStates.Completed, finished.State);
        Assert.True(finished.Task!.Result!.Tokens > 1000, $"{finished.Task.Result.Tokens} tokens");
    }

    [Fact]
    public async Task Watch_sends_a_socket_task_s_signals_to_a_connection_of_its_owner()
    {
        await using var bus = await BusDaemon.StartAsync();
        await using var client = await bus.ConnectAsync();
        var task = await bus.Daemon.Client.SubmitGenerateAsync("Once upon a time", new TaskOptions(MaxTokens: Finite, Temperature: 0));
        string path = DBusNames.TaskPath(task.Id);

        await client.CallAsync(path, DBusNames.TaskInterface, "Watch", "", null, static (_, _) => true);
        var finished = await client.WaitForFinishedAsync(path);

        Assert.Equal(TaskStates.Completed, finished.State);
        var deltas = client.SignalsOf(path).Where(s => s.Member == "Delta").Select(s => s.Text!).ToList();
        Assert.NotEmpty(deltas);
        Assert.EndsWith(string.Concat(deltas), finished.Task!.Result!.Text, StringComparison.Ordinal); // from the Watch on
    }

    /// <summary>The longest Delta between the first and the last: 64 characters, plus the one token that crossed the bound.</summary>
    private const int DeltaBound = DeltaCharsLimit + 32;

    private const int DeltaCharsLimit = 64;
}

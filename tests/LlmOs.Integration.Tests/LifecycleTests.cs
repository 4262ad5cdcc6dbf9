using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using LlmOs.Client;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests;

/// <summary>Start, readiness, shutdown and the socket file: what systemd and a second daemon see.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class LifecycleTests
{
    [Fact]
    public async Task Ready_arrives_on_the_notify_socket_only_once_the_socket_accepts_and_the_watchdog_is_fed()
    {
        using var dir = new TempDir();
        using var notify = new NotifySocket(dir.File("notify"));

        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            Directory = dir.Path,
            WaitUntilHealthy = false,
            Environment = new Dictionary<string, string>
            {
                ["NOTIFY_SOCKET"] = notify.Path,
                ["WATCHDOG_USEC"] = "1000000",
            },
        });

        string first = await notify.ReceiveAsync();
        // The moment READY=1 arrives, the API must already answer.
        using (var client = LlmosClient.ForSocket(daemon.Socket))
        {
            Assert.Equal("ok", (await client.HealthAsync()).Status);
        }

        Assert.Contains("READY=1", first);
        Assert.Contains("STATUS=ready", first);

        var messages = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!messages.Any(m => m.Contains("WATCHDOG=1")) && DateTime.UtcNow < deadline)
        {
            messages.Add(await notify.ReceiveAsync());
        }

        Assert.Contains(messages, m => m.Contains("WATCHDOG=1"));
        await daemon.TerminateAsync();
        Assert.Contains(await notify.ReceiveWaitingAsync(), m => m.Contains("STOPPING=1"));
    }

    [Fact]
    public async Task Sigterm_during_a_generation_ends_within_the_grace_period_and_removes_the_socket()
    {
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            // A short grace: the generation (LongGeneration) runs for minutes, so the stop has to cut it.
            Environment = new Dictionary<string, string> { ["LLMOSD_SHUTDOWNGRACESECONDS"] = "0.1" },
        });
        var events = new List<TaskStreamEvent>();
        var stream = Task.Run(async () =>
        {
            await foreach (var e in daemon.Client.StreamAsync("Once upon a time", new TaskOptions(MaxTokens: LongGeneration.Tokens, Temperature: 0)))
            {
                lock (events)
                {
                    events.Add(e);
                }
            }
        });
        while (true)
        {
            lock (events)
            {
                if (events.Count(e => e.Name == TaskEventNames.Delta) > 10)
                {
                    break;
                }
            }

            await Task.Delay(10);
        }

        var took = await daemon.TerminateAsync();
        await stream;

        Assert.True(took < TimeSpan.FromSeconds(4), $"shutdown took {took} with a 0.1 s grace period");
        Assert.Equal(0, daemon.Process.ExitCode);
        Assert.False(File.Exists(daemon.Socket), "the socket file is still there");
        Assert.Equal(TaskEventNames.Cancelled, events[^1].Name);
    }

    [Fact]
    public async Task Sigterm_lets_a_running_task_finish_within_the_grace_period()
    {
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options { Environment = DefaultGrace });
        // 1,500 tokens: long enough to be caught running on a quiet machine (400 took 0.12 s, and the wait below, which
        // then knew only Running, never saw it run and waited for ever), short enough to finish within the grace period.
        var stream = daemon.Client.StreamAsync("Once upon a time", new TaskOptions(MaxTokens: 1500, Temperature: 0)).ToListAsync();
        while (!(await daemon.Client.ListTasksAsync()).Any(t => t.State is TaskStates.Running or TaskStates.Completed))
        {
            await Task.Delay(10); // a task waiting for its model to load is still queued, and shutdown cancels queued tasks
        }

        var took = await daemon.TerminateAsync();
        var events = await stream;

        Assert.Equal(TaskEventNames.Completed, events[^1].Name);
        Assert.Equal(1500, events[^1].Data.Task!.Result!.Tokens);
        Assert.True(took < TimeSpan.FromSeconds(10), $"shutdown took {took}");
        Assert.False(File.Exists(daemon.Socket));
    }

    /// <summary>The daemon's own default grace, where test daemons otherwise get 2 s.</summary>
    private static readonly Dictionary<string, string> DefaultGrace = new() { ["LLMOSD_SHUTDOWNGRACESECONDS"] = "10" };

    [Fact]
    public async Task A_second_daemon_on_the_same_socket_refuses_to_start_and_leaves_the_first_alone()
    {
        await using var first = await DaemonProcess.StartAsync();
        var second = await ProcessRunner.RunAsync("dotnet", [TestPaths.Llmosd, "--socket", first.Socket, "--data-dir", first.DataDir]);

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already listening", second.Stderr);
        Assert.True(File.Exists(first.Socket));
        Assert.Equal("ok", (await first.Client.HealthAsync()).Status);
    }

    [Fact]
    public async Task A_stale_socket_file_is_replaced_and_the_user_socket_is_private()
    {
        using var dir = new TempDir();
        string path = dir.File("llmosd.sock");
        await using (var crashed = await DaemonProcess.StartAsync(new DaemonProcess.Options { Directory = dir.Path }))
        {
            crashed.Process.Kill(); // SIGKILL: no chance to clean up, the socket file stays behind
            await crashed.Process.WaitForExitAsync();
        }

        Assert.True(File.Exists(path), "the killed daemon left no socket file to test with");
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options { Directory = dir.Path });

        Assert.Equal("ok", (await daemon.Client.HealthAsync()).Status);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(daemon.Socket));
    }

    [Fact]
    public async Task Finished_tasks_are_forgotten_after_the_retention_time()
    {
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            Environment = new Dictionary<string, string> { ["LLMOSD_TASKRETENTIONMINUTES"] = "0.02" }, // 1.2 s
        });
        var task = await daemon.Client.GenerateAsync("Once upon a time", new TaskOptions(MaxTokens: 3));
        Assert.Equal(TaskStates.Completed, (await daemon.Client.GetTaskAsync(task.Id)).State);

        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10) && (await daemon.Client.ListTasksAsync()).Count > 0)
        {
            await Task.Delay(100);
        }

        var gone = await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.GetTaskAsync(task.Id));
        Assert.Equal("not_found", gone.Code);
    }
}

using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests;

/// <summary>
/// A task belongs to the uid that submitted it, as the kernel reports it (SO_PEERCRED): another user can
/// neither see, follow nor cancel it; root sees all. Runs the daemon in system mode (socket 0660, group).
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class OwnershipTests
{
    [Fact]
    public async Task A_task_is_invisible_to_another_user_and_visible_to_root()
    {
        await TestUsers.EnsureAsync();
        using var dir = new TempDir();
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101); // the users must reach the socket inside
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            Directory = dir.Path,
            Args = ["--system"],
            Environment = new Dictionary<string, string> { ["LLMOSD_SOCKETGROUP"] = TestUsers.Group },
        });

        // System mode: 0660 and the configured group, so only its members (and root) may connect.
        Assert.Equal((UnixFileMode)0b110_110_000, File.GetUnixFileMode(daemon.Socket));
        var stat = await ProcessRunner.RunAsync("stat", ["-c", "%g", daemon.Socket]);
        Assert.Equal(await TestUsers.GidAsync(TestUsers.Group), uint.Parse(stat.Stdout.Trim()));

        var (status, body) = await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "POST", "/v1/tasks",
            TaskWire.Generate("Once upon a time", LongGeneration.Tokens));
        Assert.Equal(202, status);
        var task = JsonSerializer.Deserialize(body, IpcJsonContext.Default.TaskDto)!;
        Assert.Equal(await TestUsers.UidAsync(TestUsers.Alice), task.OwnerUid);

        // Alice sees her task.
        Assert.Equal(200, (await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "GET", $"/v1/tasks/{task.Id}")).Status);
        Assert.Contains(task.Id, (await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "GET", "/v1/tasks")).Body);

        // Bob does not: not in the list, not by id, not its events, and he cannot cancel it.
        var bobList = await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "GET", "/v1/tasks");
        Assert.Equal(200, bobList.Status);
        Assert.DoesNotContain(task.Id, bobList.Body);
        Assert.Equal(404, (await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "GET", $"/v1/tasks/{task.Id}")).Status);
        Assert.Equal(404, (await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "GET", $"/v1/tasks/{task.Id}/events")).Status);
        Assert.Equal(404, (await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "DELETE", $"/v1/tasks/{task.Id}")).Status);
        Assert.NotEqual(TaskStates.Cancelled, (await daemon.Client.GetTaskAsync(task.Id)).State);

        // Root sees everyone's tasks.
        Assert.Contains(await daemon.Client.ListTasksAsync(), t => t.Id == task.Id);

        // Alice may cancel her own.
        var cancelled = await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "DELETE", $"/v1/tasks/{task.Id}");
        Assert.Equal(200, cancelled.Status);
        Assert.Equal(TaskStates.Cancelled, JsonSerializer.Deserialize(cancelled.Body, IpcJsonContext.Default.TaskDto)!.State);
    }

    [Fact]
    public async Task Only_root_may_add_models_to_a_system_daemon()
    {
        var (dir, daemon) = await MultiUserDaemon.StartAsync();
        using (dir)
        await using (daemon)
        {
            string body = $"{{\"path\":\"{TestPaths.Stories}\",\"name\":\"alices\"}}";
            var (status, answer) = await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "POST", "/v1/models", body);
            Assert.Equal(403, status);
            Assert.Contains("\"forbidden\"", answer);
            Assert.DoesNotContain((await daemon.Client.ListModelsAsync()).Data, m => m.Id == "alices");

            await daemon.Client.AddModelAsync(TestPaths.Stories, "roots");
            Assert.Contains((await daemon.Client.ListModelsAsync()).Data, m => m.Id == "roots");
        }
    }
}

using System.Text.Json;
using LlmOs.Integration.Tests.DBus;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Authorization;

/// <summary>
/// With no polkit to ask (the system bus address points at nothing), administrative calls are root's alone: another
/// user is refused <c>forbidden</c> for adding a model and gets not_found for another user's task, on the socket and on
/// D-Bus, and the daemon stays healthy. The daemon runs in system mode (socket 0660, group) on a private bus.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class WithoutPolkitTests
{
    [Fact]
    public async Task Adding_a_model_is_forbidden_to_another_user_on_both_transports_and_allowed_to_root()
    {
        await using var started = await StartAsync();
        var bus = started.Bus;
        string socket = bus.Daemon.Socket;

        var (status, body) = await TestUsers.CurlAsAsync(TestUsers.Alice, socket, "POST", "/v1/models", $"{{\"path\":\"{TestPaths.Stories}\",\"name\":\"alices\"}}");
        Assert.Equal(403, status);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal("forbidden", error.GetProperty("code").GetString());
        Assert.Contains("needs root or the polkit action org.llmos.manage", error.GetProperty("message").GetString());

        var overBus = await BusTools.GdbusCallAsAsync(TestUsers.Alice, bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.AddModel",
            TestPaths.Stories, "{'name': <'alices-bus'>}");
        Assert.NotEqual(0, overBus.ExitCode);
        Assert.Contains("org.llmos.Error.Forbidden", overBus.Stderr);
        Assert.Contains("org.llmos.manage", overBus.Stderr);

        // llmosctl shows the refusal and its reason, on either transport, and exits 1.
        foreach (string[] transport in (string[][])[["--socket", socket], ["--bus", bus.Address]])
        {
            var cli = await LlmosctlAsAsync(TestUsers.Alice, ["models", "add", TestPaths.Stories, "--name", "alices-cli", .. transport]);
            Assert.True(cli.ExitCode == 1, $"{cli.ExitCode}: {cli.Stdout}{cli.Stderr}");
            Assert.Contains("forbidden", cli.Stderr);
            Assert.Contains("adding models needs root or the polkit action org.llmos.manage", cli.Stderr);
        }

        var models = await bus.Daemon.Client.ListModelsAsync();
        Assert.DoesNotContain(models.Data, m => m.Id is "alices" or "alices-bus" or "alices-cli");

        // Root may, on both transports.
        await bus.Daemon.Client.AddModelAsync(TestPaths.Stories, "roots");
        var rootOverBus = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.AddModel", TestPaths.Stories, "{'name': <'roots-bus'>}");
        Assert.True(rootOverBus.ExitCode == 0, rootOverBus.Stderr);
        models = await bus.Daemon.Client.ListModelsAsync();
        Assert.Contains(models.Data, m => m.Id == "roots");
        Assert.Contains(models.Data, m => m.Id == "roots-bus");

        await AssertHealthyAsync(bus);
    }

    [Fact]
    public async Task Another_users_task_stays_not_found_and_listing_everyones_is_forbidden()
    {
        await using var started = await StartAsync();
        var bus = started.Bus;
        string socket = bus.Daemon.Socket;

        var (submitted, body) = await TestUsers.CurlAsAsync(TestUsers.Bob, socket, "POST", "/v1/tasks", TaskWire.Generate("Once upon a time", LongGeneration.Tokens));
        Assert.Equal(202, submitted);
        var task = JsonSerializer.Deserialize(body, IpcJsonContext.Default.TaskDto)!;

        foreach (var (method, path) in ((string, string)[])[("GET", $"/v1/tasks/{task.Id}"), ("GET", $"/v1/tasks/{task.Id}/events"), ("DELETE", $"/v1/tasks/{task.Id}")])
        {
            var (status, answer) = await TestUsers.CurlAsAsync(TestUsers.Alice, socket, method, path);
            Assert.True(status == 404, $"{method} {path}: {status} {answer}");
            Assert.Contains("\"not_found\"", answer);
        }

        var all = await TestUsers.CurlAsAsync(TestUsers.Alice, socket, "GET", "/v1/tasks?all=true");
        Assert.Equal(403, all.Status);
        Assert.StartsWith("listing every user's tasks needs root or the polkit action org.llmos.manage",
            JsonDocument.Parse(all.Body).RootElement.GetProperty("error").GetProperty("message").GetString());

        string taskPath = DBusNames.TaskPath(task.Id);
        var get = await BusTools.GdbusCallAsAsync(TestUsers.Alice, bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.GetTask", task.Id);
        var cancel = await BusTools.GdbusCallAsAsync(TestUsers.Alice, bus.Address, taskPath, "org.llmos.Task1.Cancel");
        foreach (var refused in (ProcessRunner.Result[])[get, cancel])
        {
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("org.llmos.Error.NotFound", refused.Stderr);
        }

        // Nothing Alice did touched Bob's task; root (an administrator without polkit) reads it and cancels it.
        var seen = await bus.Daemon.Client.GetTaskAsync(task.Id);
        Assert.NotEqual(TaskStates.Cancelled, seen.State);
        var rootGet = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.GetTask", task.Id);
        Assert.True(rootGet.ExitCode == 0, rootGet.Stderr);
        Assert.Contains(task.Id, rootGet.Stdout);
        await bus.Daemon.Client.CancelAsync(task.Id);
        Assert.Equal(TaskStates.Cancelled, (await bus.Daemon.Client.WaitAsync(task.Id)).State);

        await AssertHealthyAsync(bus);
    }

    private static Task<ProcessRunner.Result> LlmosctlAsAsync(string user, string[] args) =>
        ProcessRunner.RunAsync("setpriv",
            ["--reuid=" + user, "--regid=" + TestUsers.Group, "--groups=" + TestUsers.Group, "--reset-env", "dotnet", TestPaths.Llmosctl, .. args]);

    private static async Task AssertHealthyAsync(BusDaemon bus)
    {
        Assert.False(bus.Daemon.Process.HasExited, bus.Daemon.Log);
        Assert.Equal("ok", (await bus.Daemon.Client.HealthAsync()).Status);
        Assert.DoesNotContain("Unexpected error", bus.Daemon.Log);
    }

    /// <summary>llmosd in system mode on a private bus, with the system bus (where polkit would be) at an address with nothing there.</summary>
    private static async Task<Started> StartAsync()
    {
        await TestUsers.EnsureAsync();
        var dir = new TempDir();
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101); // the users must reach the socket inside
        var bus = await BusDaemon.StartAsync(new DaemonProcess.Options
        {
            Directory = dir.Path,
            Args = ["--system"],
            Environment = new Dictionary<string, string>
            {
                ["LLMOSD_SOCKETGROUP"] = TestUsers.Group,
                ["DBUS_SYSTEM_BUS_ADDRESS"] = "unix:path=" + dir.File("no-system-bus"),
            },
        });
        return new Started(bus, dir);
    }

    private sealed record Started(BusDaemon Bus, TempDir Dir) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Bus.DisposeAsync();
            Dir.Dispose();
        }
    }
}

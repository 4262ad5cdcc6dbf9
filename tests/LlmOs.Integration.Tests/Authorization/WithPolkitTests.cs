using System.Text.Json;
using LlmOs.Integration.Tests.DBus;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Authorization;

/// <summary>
/// Against Debian's real polkitd on a private system-like bus, with our policy file and a rule that grants
/// <c>org.llmos.manage</c> to llmos-test-a alone: llmosd (system mode, on that bus) lets her administer — add models,
/// act on another user's task — on the socket and over D-Bus, and refuses llmos-test-b, whom polkit does not authorise.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class WithPolkitTests
{
    private const string AliceMayManage = $$"""
        polkit.addRule(function(action, subject) {
            if (action.id == "org.llmos.manage" && subject.user == "{{TestUsers.Alice}}") {
                return polkit.Result.YES;
            }
        });
        """;

    [Fact]
    public async Task Polkitd_loads_our_policy_with_its_defaults()
    {
        await using var polkit = await RealPolkit.StartAsync(AliceMayManage);

        var action = await ProcessRunner.RunAsync("pkaction", ["--action-id", "org.llmos.manage", "--verbose"], polkit.Environment);

        Assert.True(action.ExitCode == 0, action.Stderr + "\n" + polkit.Log);
        Assert.Contains("description:       Manage the llmos AI model service", action.Stdout);
        Assert.Matches(@"implicit any:\s+auth_admin\n", action.Stdout);
        Assert.Matches(@"implicit inactive:\s+auth_admin\n", action.Stdout);
        Assert.Matches(@"implicit active:\s+auth_admin_keep\n", action.Stdout);
        Assert.Contains("org.freedesktop.policykit.owner -> unix-user:llmos", action.Stdout);
    }

    [Fact]
    public async Task A_user_polkit_authorises_may_add_models_and_one_it_does_not_is_forbidden()
    {
        await using var polkit = await RealPolkit.StartAsync(AliceMayManage);
        using var dir = new TempDir();
        await using var daemon = await StartDaemonAsync(polkit, dir);

        var alice = await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "POST", "/v1/models", $"{{\"path\":\"{TestPaths.Stories}\",\"name\":\"alices\"}}");
        Assert.True(alice.Status == 201, $"{alice.Status} {alice.Body}\n{daemon.Log}\n{polkit.Log}");

        var bob = await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "POST", "/v1/models", $"{{\"path\":\"{TestPaths.Stories}\",\"name\":\"bobs\"}}");
        Assert.Equal(403, bob.Status);
        var error = JsonDocument.Parse(bob.Body).RootElement.GetProperty("error");
        Assert.Equal("forbidden", error.GetProperty("code").GetString());
        Assert.Equal("adding models needs root or the polkit action org.llmos.manage", error.GetProperty("message").GetString());

        var aliceBus = await BusTools.GdbusCallAsAsync(TestUsers.Alice, polkit.Bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.AddModel",
            TestPaths.Stories, "{'name': <'alices-bus'>}");
        Assert.True(aliceBus.ExitCode == 0, aliceBus.Stderr + "\n" + daemon.Log);
        var bobBus = await BusTools.GdbusCallAsAsync(TestUsers.Bob, polkit.Bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.AddModel",
            TestPaths.Stories, "{'name': <'bobs-bus'>}");
        Assert.NotEqual(0, bobBus.ExitCode);
        Assert.Contains("org.llmos.Error.Forbidden", bobBus.Stderr);

        var models = (await daemon.Client.ListModelsAsync()).Data.Select(m => m.Id).ToList();
        Assert.Contains("alices", models);
        Assert.Contains("alices-bus", models);
        Assert.DoesNotContain("bobs", models);
        Assert.DoesNotContain("bobs-bus", models);
    }

    [Fact]
    public async Task A_user_polkit_authorises_may_read_list_and_cancel_another_users_task()
    {
        await using var polkit = await RealPolkit.StartAsync(AliceMayManage);
        using var dir = new TempDir();
        await using var daemon = await StartDaemonAsync(polkit, dir);

        var (submitted, body) = await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "POST", "/v1/tasks", TaskWire.Generate("Once upon a time", LongGeneration.Tokens));
        Assert.Equal(202, submitted);
        var task = JsonSerializer.Deserialize(body, IpcJsonContext.Default.TaskDto)!;

        var read = await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "GET", $"/v1/tasks/{task.Id}");
        Assert.True(read.Status == 200, $"{read.Status} {read.Body}\n{daemon.Log}");
        Assert.Equal(await TestUsers.UidAsync(TestUsers.Bob), JsonSerializer.Deserialize(read.Body, IpcJsonContext.Default.TaskDto)!.OwnerUid);

        var all = await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "GET", "/v1/tasks?all=true");
        Assert.Equal(200, all.Status);
        Assert.Contains(task.Id, all.Body);
        var own = await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "GET", "/v1/tasks");
        Assert.DoesNotContain(task.Id, own.Body); // without ?all=true, an administrator lists her own tasks

        var cancel = await BusTools.GdbusCallAsAsync(TestUsers.Alice, polkit.Bus.Address, DBusNames.TaskPath(task.Id), "org.llmos.Task1.Cancel");
        Assert.True(cancel.ExitCode == 0, cancel.Stderr + "\n" + daemon.Log);
        Assert.Equal(TaskStates.Cancelled, (await daemon.Client.WaitAsync(task.Id)).State);

        // polkit does not authorise Bob: Alice's tasks stay invisible to him.
        var (aliceSubmitted, aliceBody) = await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "POST", "/v1/tasks", TaskWire.Generate("Once upon a time", 4));
        Assert.Equal(202, aliceSubmitted);
        string aliceTask = JsonSerializer.Deserialize(aliceBody, IpcJsonContext.Default.TaskDto)!.Id;
        Assert.Equal(404, (await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "GET", $"/v1/tasks/{aliceTask}")).Status);
        Assert.Equal(403, (await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "GET", "/v1/tasks?all=true")).Status);
    }

    /// <summary>llmosd in system mode whose system bus — for D-Bus clients and for polkit — is the test's.</summary>
    private static async Task<DaemonProcess> StartDaemonAsync(RealPolkit polkit, TempDir dir)
    {
        await TestUsers.EnsureAsync();
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101); // the users must reach the socket inside
        var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            Directory = dir.Path,
            Args = ["--system", "--bus", "system"],
            Environment = new Dictionary<string, string>(polkit.Environment) { ["LLMOSD_SOCKETGROUP"] = TestUsers.Group },
        });
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await polkit.Bus.HasOwnerAsync(DBusNames.Service))
        {
            if (DateTime.UtcNow > deadline)
            {
                await daemon.DisposeAsync();
                throw new TimeoutException("llmosd did not take its name on the system-like bus:\n" + daemon.Log);
            }

            await Task.Delay(50);
        }

        return daemon;
    }
}

using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Intents;

/// <summary><c>llmosctl intent</c>, <c>llmosctl intents handlers</c> and <c>intents list</c> against a socket handler held open by the test.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class IntentCliTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task Intent_prints_the_reply_and_the_action_and_exits_0()
    {
        await using var stream = await IntentStream.OpenAsync(_daemon.Socket, """{"intents":[{"name":"app.open","examples":["open {app}"],"slots":{"app":"text"}}]}""");

        var cli = ProcessRunner.LlmosctlAsync(_daemon.Socket, "intent", "app.open", "--slot", "app=firefox", "--slot", "windows=2", "-s", "private=true", "-s", "code=007", "--utterance", "open firefox");
        var dispatch = await stream.NextDispatchAsync();
        var slots = dispatch.GetProperty("slots");
        Assert.Equal("firefox", slots.GetProperty("app").GetString());
        Assert.Equal(2, slots.GetProperty("windows").GetInt32());
        Assert.True(slots.GetProperty("private").GetBoolean());
        Assert.Equal("007", slots.GetProperty("code").GetString());
        Assert.Equal("open firefox", dispatch.GetProperty("utterance").GetString());
        (await _daemon.Http.PostAsync(IntentWire.DispatchPath(dispatch), UnixHttp.Json("""{"text":"Opening Firefox","action":{"type":"app.open","app":"firefox"}}"""))).Dispose();

        var result = await cli;
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Opening Firefox\n{\"type\":\"app.open\",\"app\":\"firefox\"}\n", result.Stdout);
    }

    [Fact]
    public async Task Intent_with_json_prints_the_finished_task()
    {
        await using var stream = await IntentStream.OpenAsync(_daemon.Socket, IntentWire.Registration("volume.set"));

        var cli = ProcessRunner.LlmosctlAsync(_daemon.Socket, "--json", "intent", "volume.set", "-s", "level=30");
        var dispatch = await stream.NextDispatchAsync();
        (await _daemon.Http.PostAsync(IntentWire.DispatchPath(dispatch), UnixHttp.Json("""{"text":"Volume 30%"}"""))).Dispose();

        var result = await cli;
        Assert.Equal(0, result.ExitCode);
        var task = JsonSerializer.Deserialize(result.Stdout, IpcJsonContext.Default.TaskDto)!;
        Assert.Equal((TaskStates.Completed, "intent", "Volume 30%"), (task.State, task.Kind, task.Result!.Text));
        Assert.Null(task.Result.Action);
    }

    [Fact]
    public async Task A_refused_or_unhandled_intent_exits_1_with_the_reason_and_a_bad_slot_is_a_usage_error()
    {
        await using var stream = await IntentStream.OpenAsync(_daemon.Socket, IntentWire.Registration("door.unlock"));
        var cli = ProcessRunner.LlmosctlAsync(_daemon.Socket, "intent", "door.unlock");
        var dispatch = await stream.NextDispatchAsync();
        (await _daemon.Http.PostAsync(IntentWire.DispatchPath(dispatch), UnixHttp.Json("""{"error":"the door stays locked at night"}"""))).Dispose();
        var refused = await cli;
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("the door stays locked at night", refused.Stderr);

        var unhandled = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "intent", "nobody.handles");
        Assert.Equal(1, unhandled.ExitCode);
        Assert.Contains("(unsupported)", unhandled.Stderr);

        var usage = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "intent", "door.unlock", "--slot", "noequals");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("name=value", usage.Stderr);
    }

    [Fact]
    public async Task Intents_handlers_shows_the_registered_intents_with_their_examples_and_list_has_them_as_apps()
    {
        await using var stream = await IntentStream.OpenAsync(_daemon.Socket, IntentWire.Timer);

        var catalog = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "intents", "list");
        Assert.Equal(0, catalog.ExitCode);
        Assert.Matches(@"\ntimer\.set\s+app\s+minutes:integer,label:text\s+Starts a kitchen timer", catalog.Stdout);

        var table = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "intents", "handlers");
        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"timer\.set\s+0\s+minutes:integer,label:text\s+socket:" + stream.RegistrationId, table.Stdout);
        Assert.Contains("\"set a timer for {minutes} minutes\"", table.Stdout);

        var json = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "intents", "handlers", "--json");
        var listed = JsonSerializer.Deserialize(json.Stdout, IpcJsonContext.Default.IntentListResponse)!;
        Assert.Contains(listed.Registrations, r => r.Owner == "socket:" + stream.RegistrationId && r.Intents[0].Name == "timer.set");
    }
}

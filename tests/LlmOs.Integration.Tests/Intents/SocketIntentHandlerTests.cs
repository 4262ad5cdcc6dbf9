using System.Net;
using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Intents;

/// <summary>
/// An app as an intent handler over the socket, against the real daemon: it registers with <c>POST /v1/intents</c>,
/// keeps the event stream open, receives each request as a <c>dispatch</c> event and answers it with a POST.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class SocketIntentHandlerTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private readonly DaemonProcess _daemon = fixture.Daemon;

    private HttpClient Http => _daemon.Http;

    [Fact]
    public async Task The_handler_receives_the_dispatch_with_its_slots_and_its_answer_completes_the_task()
    {
        await using var stream = await IntentStream.OpenAsync(_daemon.Socket, IntentWire.Timer);
        Assert.Equal(["timer.set"], stream.Intents);

        var waiting = Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(IntentWire.Task("timer.set", """{"minutes":5,"label":"tea","loud":true}""", "set a tea timer for five minutes")));
        var dispatch = await stream.NextDispatchAsync();
        Assert.Equal("timer.set", dispatch.GetProperty("intent").GetString());
        Assert.Equal(5, dispatch.GetProperty("slots").GetProperty("minutes").GetInt64());
        Assert.Equal("tea", dispatch.GetProperty("slots").GetProperty("label").GetString());
        Assert.True(dispatch.GetProperty("slots").GetProperty("loud").GetBoolean());
        Assert.Equal("set a tea timer for five minutes", dispatch.GetProperty("utterance").GetString());
        Assert.Equal(0u, dispatch.GetProperty("caller_uid").GetUInt32());
        Assert.False(waiting.IsCompleted);

        using var answered = await Http.PostAsync(IntentWire.DispatchPath(dispatch), UnixHttp.Json("""{"text":"Tea timer set for 5 minutes","action":{"type":"timer.start","seconds":300,"label":"tea"}}"""));
        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);

        using var response = await waiting;
        var task = await TaskWire.ReadTaskAsync(response);
        Assert.Equal(TaskStates.Completed, task.State);
        Assert.Equal("intent", task.Kind);
        Assert.Equal("socket:" + stream.RegistrationId, task.Model);
        Assert.Equal("Tea timer set for 5 minutes", task.Result!.Text);
        Assert.Equal("timer.start", task.Result.Action!["type"].GetString());
        Assert.Equal(300, task.Result.Action["seconds"].GetInt32());

        // Answered once: a second answer finds nothing.
        using var again = await Http.PostAsync(IntentWire.DispatchPath(dispatch), UnixHttp.Json("""{"text":"again"}"""));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("not_found", (await TaskWire.ReadErrorAsync(again)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_registration_is_listed_while_its_stream_is_open()
    {
        await using var stream = await IntentStream.OpenAsync(_daemon.Socket, IntentWire.Timer);

        var listed = Assert.Single(await ListAsync(), r => r.GetProperty("owner").GetString() == "socket:" + stream.RegistrationId);
        Assert.Equal(0u, listed.GetProperty("owner_uid").GetUInt32());
        Assert.Equal("socket:" + stream.RegistrationId, listed.GetProperty("handler").GetString());
        var intent = Assert.Single(listed.GetProperty("intents").EnumerateArray());
        Assert.Equal("timer.set", intent.GetProperty("name").GetString());
        Assert.Equal("set a timer for {minutes} minutes", Assert.Single(intent.GetProperty("examples").EnumerateArray()).GetString());
        Assert.Equal("integer", intent.GetProperty("slots").GetProperty("minutes").GetString());
        Assert.Equal("Starts a kitchen timer", intent.GetProperty("description").GetString());

        var client = await _daemon.Client.ListIntentsAsync();
        Assert.Contains(client, r => r.Handler == "socket:" + stream.RegistrationId && r.Intents[0].Name == "timer.set");
    }

    [Fact]
    public async Task A_refusal_fails_the_task_with_the_apps_message()
    {
        await using var stream = await IntentStream.OpenAsync(_daemon.Socket, IntentWire.Registration("music.play"));

        var waiting = Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(IntentWire.Task("music.play", """{"song":"nonexistent"}""")));
        var dispatch = await stream.NextDispatchAsync();
        using var refused = await Http.PostAsync(IntentWire.DispatchPath(dispatch), UnixHttp.Json("""{"error":"no song called 'nonexistent' in your library"}"""));
        Assert.Equal(HttpStatusCode.NoContent, refused.StatusCode);

        var task = await TaskWire.ReadTaskAsync(await waiting);
        Assert.Equal(TaskStates.Failed, task.State);
        Assert.Contains("no song called 'nonexistent' in your library", task.Error!.Message);
    }

    [Fact]
    public async Task Closing_the_stream_drops_the_registration_and_fails_the_request_it_had_not_answered()
    {
        var stream = await IntentStream.OpenAsync(_daemon.Socket, IntentWire.Registration("lights.dim"));
        using var submitted = await Http.PostAsync("v1/tasks", UnixHttp.Json(IntentWire.Task("lights.dim")));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var task = await TaskWire.ReadTaskAsync(submitted);
        var dispatch = await stream.NextDispatchAsync();

        await stream.DisposeAsync();

        var failed = await _daemon.Client.WaitAsync(task.Id);
        Assert.Equal(TaskStates.Failed, failed.State);
        Assert.Contains("stream closed", failed.Error!.Message);
        Assert.DoesNotContain(await ListAsync(), r => r.GetProperty("owner").GetString() == "socket:" + stream.RegistrationId);

        using var late = await Http.PostAsync(IntentWire.DispatchPath(dispatch), UnixHttp.Json("""{"text":"too late"}"""));
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);

        using var next = await Http.PostAsync("v1/tasks", UnixHttp.Json(IntentWire.Task("lights.dim")));
        Assert.Equal(HttpStatusCode.BadRequest, next.StatusCode);
        var error = await TaskWire.ReadErrorAsync(next);
        Assert.Equal("unsupported", error.GetProperty("code").GetString());
        Assert.Equal("input.intent", error.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_cancelled_task_forgets_its_dispatch_and_the_handler_stays_registered()
    {
        await using var stream = await IntentStream.OpenAsync(_daemon.Socket, IntentWire.Registration("backup.run"));
        using var submitted = await Http.PostAsync("v1/tasks", UnixHttp.Json(IntentWire.Task("backup.run")));
        var task = await TaskWire.ReadTaskAsync(submitted);
        var dispatch = await stream.NextDispatchAsync();

        Assert.Equal(TaskStates.Cancelled, (await _daemon.Client.CancelAsync(task.Id)).State);
        using var late = await Http.PostAsync(IntentWire.DispatchPath(dispatch), UnixHttp.Json("""{"text":"done"}"""));
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);

        var waiting = _daemon.Client.InvokeIntentAsync("backup.run");
        var second = await stream.NextDispatchAsync();
        Assert.NotEqual(dispatch.GetProperty("dispatch_id").GetString(), second.GetProperty("dispatch_id").GetString());
        (await Http.PostAsync(IntentWire.DispatchPath(second), UnixHttp.Json("""{"text":"Backup started"}"""))).Dispose();
        Assert.Equal("Backup started", (await waiting).Result!.Text);
    }

    [Fact]
    public async Task An_invalid_answer_is_refused_and_the_dispatch_still_waits_for_a_valid_one()
    {
        await using var stream = await IntentStream.OpenAsync(_daemon.Socket, IntentWire.Registration("app.open"));
        var waiting = _daemon.Client.InvokeIntentAsync("app.open", new Dictionary<string, JsonElement> { ["app"] = JsonSerializer.SerializeToElement("firefox") });
        var dispatch = await stream.NextDispatchAsync();

        foreach (var (body, field) in ((string, string)[])[
            ("""{"text":"x","error":"y"}""", "error"),
            ("""{"text":"x","action":{"app":"firefox"}}""", "action.type"),
            ("""{"text":5}""", "text"),
            ("""{"text":"x","extra":1}""", "extra"),
            ("""{}""", "text")])
        {
            using var refused = await Http.PostAsync(IntentWire.DispatchPath(dispatch), UnixHttp.Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var error = await TaskWire.ReadErrorAsync(refused);
            Assert.Equal(("invalid_input", field), (error.GetProperty("code").GetString(), error.GetProperty("field").GetString()));
        }

        Assert.False(waiting.IsCompleted);
        (await Http.PostAsync(IntentWire.DispatchPath(dispatch), UnixHttp.Json("""{"text":"Opening Firefox","action":{"type":"app.open","app":"firefox"}}"""))).Dispose();
        var task = await waiting;
        Assert.Equal("Opening Firefox", task.Result!.Text);
        Assert.Equal("firefox", task.Result.Action!["app"].GetString());
    }

    [Theory]
    [InlineData("""{}""", "intents")]
    [InlineData("""{"intents":[]}""", "intents")]
    [InlineData("""{"intents":"timer.set"}""", "intents")]
    [InlineData("""{"intents":[{"name":"bad name"}]}""", "intents[0].name")]
    [InlineData("""{"intents":[{"name":5}]}""", "intents[0].name")]
    [InlineData("""{"intents":[{"examples":["x"]}]}""", "intents[0].name")]
    [InlineData("""{"intents":[{"name":"a.b"},{"name":"a.b"}]}""", "intents[1].name")]
    [InlineData("""{"intents":[{"name":"a.b","examples":"say a b"}]}""", "intents[0].examples")]
    [InlineData("""{"intents":[{"name":"a.b","examples":["a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a"]}]}""", "intents[0].examples")]
    [InlineData("""{"intents":[{"name":"a.b","slots":{"n":5}}]}""", "intents[0].slots.n")]
    [InlineData("""{"intents":[{"name":"a.b","colour":"red"}]}""", "intents[0].colour")]
    [InlineData("""not json""", "body")]
    public async Task An_invalid_registration_is_refused_naming_the_field_and_registers_nothing(string body, string field)
    {
        using var response = await Http.PostAsync("v1/intents", UnixHttp.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await TaskWire.ReadErrorAsync(response);
        Assert.Equal("invalid_input", error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.DoesNotContain(await ListAsync(), r => r.GetProperty("intents")[0].GetProperty("name").GetString() == "a.b");
        Assert.Equal("ok", (await _daemon.Client.HealthAsync()).Status);
    }

    private async Task<List<JsonElement>> ListAsync()
    {
        using var response = await Http.GetAsync("v1/intents");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.GetProperty("registrations").EnumerateArray().Select(e => e.Clone())];
    }
}

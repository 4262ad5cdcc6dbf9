using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Intents;

/// <summary>
/// Registrations belong to the uid that opened the stream: another user neither sees nor reaches them and cannot
/// answer their requests; root's handlers serve everyone. Alice's and Bob's requests go through curl as those users.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class IntentOwnershipTests
{
    [Fact]
    public async Task Another_user_neither_sees_nor_reaches_a_users_handler_and_cannot_answer_its_requests()
    {
        var (dir, daemon) = await MultiUserDaemon.StartAsync();
        using var _ = dir;
        await using var __ = daemon;
        uint alice = await TestUsers.UidAsync(TestUsers.Alice);

        await using var stream = await IntentStream.OpenAsUserAsync(TestUsers.Alice, daemon.Socket, IntentWire.Registration("notes.add"));
        string owner = "socket:" + stream.RegistrationId;

        Assert.Contains(owner, (await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "GET", "/v1/intents")).Body);
        var bobsList = await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "GET", "/v1/intents");
        Assert.Equal((200, """{"registrations":[]}"""), bobsList);
        Assert.Contains(await daemon.Client.ListIntentsAsync(), r => r.Owner == owner && r.OwnerUid == alice); // root sees all

        // Bob's request does not reach Alice's app, nor does root's own.
        var (bobStatus, bobBody) = await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "POST", "/v1/tasks", IntentWire.Task("notes.add"));
        Assert.Equal(400, bobStatus);
        Assert.Equal("unsupported", JsonDocument.Parse(bobBody).RootElement.GetProperty("error").GetProperty("code").GetString());
        using (var rootsRequest = await daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(IntentWire.Task("notes.add"))))
        {
            Assert.Equal(400, (int)rootsRequest.StatusCode);
        }

        Assert.False(await stream.AnyEventWithinAsync(TimeSpan.FromMilliseconds(300)));

        // Alice's own request reaches it; only Alice can answer.
        var (status, body) = await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "POST", "/v1/tasks", IntentWire.Task("notes.add", """{"text":"buy milk"}"""));
        Assert.Equal(202, status);
        var task = JsonSerializer.Deserialize(body, IpcJsonContext.Default.TaskDto)!;
        var dispatch = await stream.NextDispatchAsync();
        Assert.Equal(alice, dispatch.GetProperty("caller_uid").GetUInt32());
        string path = "/" + IntentWire.DispatchPath(dispatch);

        Assert.Equal(404, (await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "POST", path, """{"text":"Bob was here"}""")).Status);
        using (var rootsAnswer = await daemon.Http.PostAsync(path[1..], UnixHttp.Json("""{"text":"root was here"}""")))
        {
            Assert.Equal(404, (int)rootsAnswer.StatusCode);
        }

        Assert.Equal(204, (await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "POST", path, """{"text":"Noted: buy milk"}""")).Status);
        var finished = JsonSerializer.Deserialize((await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "GET", "/v1/tasks/" + task.Id)).Body, IpcJsonContext.Default.TaskDto)!;
        Assert.Equal((TaskStates.Completed, "Noted: buy milk"), (finished.State, finished.Result!.Text));
    }

    [Fact]
    public async Task Roots_handler_serves_every_user_on_their_behalf()
    {
        var (dir, daemon) = await MultiUserDaemon.StartAsync();
        using var _ = dir;
        await using var __ = daemon;
        uint bob = await TestUsers.UidAsync(TestUsers.Bob);

        await using var stream = await IntentStream.OpenAsync(daemon.Socket, IntentWire.Registration("screen.lock"));
        Assert.Contains("socket:" + stream.RegistrationId, (await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "GET", "/v1/intents")).Body);

        var (status, body) = await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "POST", "/v1/tasks", IntentWire.Task("screen.lock"));
        Assert.Equal(202, status);
        var task = JsonSerializer.Deserialize(body, IpcJsonContext.Default.TaskDto)!;
        var dispatch = await stream.NextDispatchAsync();
        Assert.Equal(bob, dispatch.GetProperty("caller_uid").GetUInt32());

        Assert.Equal(404, (await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "POST", "/" + IntentWire.DispatchPath(dispatch), """{"text":"self-served"}""")).Status);
        (await daemon.Http.PostAsync(IntentWire.DispatchPath(dispatch), UnixHttp.Json("""{"text":"Locked","action":{"type":"screen.lock"}}"""))).Dispose();

        var finished = JsonSerializer.Deserialize((await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "GET", "/v1/tasks/" + task.Id)).Body, IpcJsonContext.Default.TaskDto)!;
        Assert.Equal((TaskStates.Completed, "Locked", bob), (finished.State, finished.Result!.Text, finished.OwnerUid));
    }
}

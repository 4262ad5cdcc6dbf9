using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Tasks;
using Tmds.DBus.Protocol;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>An app on the bus registers as the handler of intents, receives Handle for each, and its registrations end with it.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BusIntentHandlerTests
{
    private const string HandlerPath = "/org/example/Timer";

    private static readonly string TimerTask =
        """{"kind":"intent","input":{"intent":"timer.set","slots":{"minutes":5,"label":"tea"},"utterance":"set a tea timer for five minutes"}}""";

    [Fact]
    public async Task A_registered_handler_receives_Handle_and_its_reply_completes_the_task_until_its_connection_leaves()
    {
        await using var bus = await BusDaemon.StartAsync();
        var handler = new TestIntentHandler(HandlerPath);
        var app = await bus.ConnectAsync();
        app.Connection.AddMethodHandler(handler);
        await RegisterAsync(app, HandlerPath, "timer.set", TestIntentHandler.RefusedIntent, TestIntentHandler.MisshapenIntent);

        // The socket dispatches to the app on the bus: the same registry serves both transports.
        using var response = await bus.Daemon.Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(TimerTask));
        var task = await TaskWire.ReadTaskAsync(response);

        Assert.Equal(TaskStates.Completed, task.State);
        Assert.Equal("Timer set for 5 minutes", task.Result!.Text);
        Assert.Equal("timer.start", task.Result.Action!["type"].GetString());
        Assert.Equal(300, task.Result.Action["seconds"].GetInt64());
        Assert.Equal($"{app.UniqueName} {HandlerPath}", task.Model);
        var call = Assert.Single(handler.Calls);
        Assert.Equal("timer.set", call.Intent);
        Assert.Equal("set a tea timer for five minutes", call.Utterance);
        Assert.Equal(5, call.Slots["minutes"].GetInt64());
        Assert.Equal("tea", call.Slots["label"].GetString());

        // A refusal fails the task with the app's own words.
        using var refusedResponse = await bus.Daemon.Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(TimerTask.Replace("timer.set", TestIntentHandler.RefusedIntent)));
        var refused = await TaskWire.ReadTaskAsync(refusedResponse);
        Assert.Equal(TaskStates.Failed, refused.State);
        Assert.Contains("no timers today", refused.Error!.Message);

        // So does a reply of the wrong shape, and the daemon carries on.
        using var misshapenResponse = await bus.Daemon.Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(TimerTask.Replace("timer.set", TestIntentHandler.MisshapenIntent)));
        var misshapen = await TaskWire.ReadTaskAsync(misshapenResponse);
        Assert.Equal(TaskStates.Failed, misshapen.State);
        Assert.Contains("(s reply, a{sv} action)", misshapen.Error!.Message);

        // Answers are checked as the socket's are: an app's error name never picks the task's kind of failure, its
        // message is cut to the socket's limit, and an action needs a type.
        await RegisterAsync(app, "/org/example/Timer2", TestIntentHandler.ForbiddingIntent, TestIntentHandler.UntypedIntent);
        app.Connection.AddMethodHandler(new TestIntentHandler("/org/example/Timer2"));
        using var forbiddenResponse = await bus.Daemon.Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(TimerTask.Replace("timer.set", TestIntentHandler.ForbiddingIntent)));
        var forbidden = await TaskWire.ReadTaskAsync(forbiddenResponse);
        Assert.Equal(TaskStates.Failed, forbidden.State);
        Assert.Equal("internal", forbidden.Error!.Code);
        Assert.Contains(new string('x', 1024), forbidden.Error.Message);
        Assert.DoesNotContain(new string('x', 1025), forbidden.Error.Message);
        using var untypedResponse = await bus.Daemon.Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(TimerTask.Replace("timer.set", TestIntentHandler.UntypedIntent)));
        var untyped = await TaskWire.ReadTaskAsync(untypedResponse);
        Assert.Equal(TaskStates.Failed, untyped.State);
        Assert.Contains("'type'", untyped.Error!.Message);

        // The app leaves the bus (as when its process dies): its registrations go with it.
        await app.DisposeAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        HttpResponseMessage after;
        while (true)
        {
            after = await bus.Daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(TimerTask));
            if (after.StatusCode == System.Net.HttpStatusCode.BadRequest || DateTime.UtcNow > deadline)
            {
                break;
            }

            after.Dispose();
            await Task.Delay(50);
        }

        using (after)
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, after.StatusCode);
            Assert.Equal("unsupported", (await TaskWire.ReadErrorAsync(after)).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task An_intent_task_submitted_over_the_bus_reports_the_reply_in_Finished_and_Unregister_ends_the_registration()
    {
        await using var bus = await BusDaemon.StartAsync();
        var handler = new TestIntentHandler(HandlerPath);
        await using var app = await bus.ConnectAsync();
        app.Connection.AddMethodHandler(handler);
        await RegisterAsync(app, HandlerPath, "timer.set");
        await using var asker = await bus.ConnectAsync();

        string path = await asker.CallDaemonAsync("Submit", "sa{sv}a{sv}", (ref MessageWriter w) =>
        {
            w.WriteString("intent");
            var input = w.WriteDictionaryStart();
            w.WriteDictionaryEntryStart();
            w.WriteString("intent");
            w.WriteVariantString("timer.set");
            w.WriteDictionaryEntryStart();
            w.WriteString("slots");
            w.WriteSignature("a{sv}");
            var slots = w.WriteDictionaryStart();
            w.WriteDictionaryEntryStart();
            w.WriteString("minutes");
            w.WriteVariantUInt32(2);
            w.WriteDictionaryEnd(slots);
            w.WriteDictionaryEnd(input);
            w.WriteDictionaryEnd(w.WriteDictionaryStart());
        }, static (m, _) => m.GetBodyReader().ReadObjectPathAsString());
        var finished = await asker.WaitForFinishedAsync(path);

        Assert.Equal(TaskStates.Completed, finished.State);
        Assert.Equal("Timer set for 2 minutes", finished.Task!.Result!.Text);
        Assert.Equal(120, finished.Task.Result.Action!["seconds"].GetInt64());

        await app.CallDaemonAsync("UnregisterIntentHandler", "o", (ref MessageWriter w) => w.WriteObjectPath(HandlerPath), static (_, _) => true);
        var again = await Assert.ThrowsAsync<DBusErrorReplyException>(() =>
            app.CallDaemonAsync("UnregisterIntentHandler", "o", (ref MessageWriter w) => w.WriteObjectPath(HandlerPath), static (_, _) => true));
        Assert.Equal("org.llmos.Error.NotFound", again.ErrorName);
        using var after = await bus.Daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(TimerTask));
        Assert.Equal("unsupported", (await TaskWire.ReadErrorAsync(after)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_connection_may_keep_16_handlers_and_the_17th_is_refused_busy()
    {
        await using var bus = await BusDaemon.StartAsync();
        var app = await bus.ConnectAsync();
        for (int i = 0; i < 16; i++)
        {
            await RegisterAsync(app, $"/org/example/H{i}", "timer.set");
        }

        // Registering one of them again replaces it and takes no new place.
        await RegisterAsync(app, "/org/example/H0", "timer.set");
        var refused = await Assert.ThrowsAsync<DBusErrorReplyException>(() => RegisterAsync(app, "/org/example/H16", "timer.set"));
        Assert.Equal("org.llmos.Error.Busy", refused.ErrorName);
        Assert.Contains("limit is 16", refused.ErrorMessage);
    }

    internal static Task<bool> RegisterAsync(BusClient app, string path, params string[] intents) =>
        app.CallDaemonAsync("RegisterIntentHandler", "oaa{sv}", (ref MessageWriter w) =>
        {
            w.WriteObjectPath(path);
            var list = w.WriteArrayStart(DBusType.Array);
            foreach (string intent in intents)
            {
                var entry = w.WriteDictionaryStart();
                w.WriteDictionaryEntryStart();
                w.WriteString("name");
                w.WriteVariantString(intent);
                w.WriteDictionaryEntryStart();
                w.WriteString("examples");
                w.WriteSignature("as");
                var examples = w.WriteArrayStart(DBusType.String);
                w.WriteString("set a timer for {minutes} minutes");
                w.WriteArrayEnd(examples);
                w.WriteDictionaryEntryStart();
                w.WriteString("slots");
                w.WriteSignature("a{sv}");
                var slots = w.WriteDictionaryStart();
                w.WriteDictionaryEntryStart();
                w.WriteString("minutes");
                w.WriteVariantString("integer");
                w.WriteDictionaryEnd(slots);
                w.WriteDictionaryEnd(entry);
            }

            w.WriteArrayEnd(list);
        }, static (_, _) => true);
}

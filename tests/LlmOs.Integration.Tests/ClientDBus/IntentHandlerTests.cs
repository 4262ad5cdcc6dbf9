using System.Collections.Concurrent;
using LlmOs.Client;
using LlmOs.Client.Intents;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Errors;
using LlmOs.Ipc.Intents;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.ClientDBus;

/// <summary>An app's intent handler made with <see cref="LlmosIntentHandler"/>, dispatched to by the real llmosd.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class IntentHandlerTests
{
    private const string Intent = "org.example.play";
    private static readonly IntentDto[] Intents =
        [new IntentDto(Intent, ["play some music", "play {song}"], new Dictionary<string, string> { ["song"] = "text", ["volume"] = "integer" }, "Plays a song")];

    [Fact]
    public async Task The_handler_receives_Handle_and_its_reply_and_action_come_back_in_the_task()
    {
        await using var daemon = await BusDaemon.StartAsync();
        var received = new ConcurrentQueue<IntentHandlerRequest>();
        await using var handler = await LlmosIntentHandler.RegisterAsync(daemon.Address, "/org/example/Player", Intents, (request, _) =>
        {
            received.Enqueue(request);
            var action = new Dictionary<string, object?> { ["type"] = "media.play", ["song"] = request.Slots["song"], ["volume"] = request.Slots["volume"] };
            return Task.FromResult(new IntentHandlerReply($"Playing {request.Slots["song"]}", action));
        });

        var task = await SubmitIntentAsync(daemon.Client, "play yesterday");

        Assert.Equal(TaskStates.Completed, task.State);
        Assert.Equal("Playing yesterday", task.Result!.Text);
        Assert.Equal("media.play", task.Result.Action!["type"].GetString());
        Assert.Equal("yesterday", task.Result.Action["song"].GetString());
        Assert.Equal(7, task.Result.Action["volume"].GetInt64());

        var request = Assert.Single(received);
        Assert.Equal(Intent, request.Intent);
        Assert.Equal("play yesterday", request.Utterance);
        Assert.Equal("yesterday", request.Slots["song"]);
        Assert.Equal(7L, request.Slots["volume"]);
    }

    [Fact]
    public async Task A_refusal_by_the_handler_fails_the_task_with_its_message()
    {
        await using var daemon = await BusDaemon.StartAsync();
        await using var handler = await LlmosIntentHandler.RegisterAsync(daemon.Address, "/org/example/Player", Intents, (_, _) =>
            throw new LlmosException(ErrorCodes.Busy, "the player is busy"));

        var task = await SubmitIntentAsync(daemon.Client, "play yesterday");

        Assert.Equal(TaskStates.Failed, task.State);
        Assert.Contains("the player is busy", task.Error!.Message);
    }

    [Fact]
    public async Task Disposing_the_handler_drops_its_registration()
    {
        await using var daemon = await BusDaemon.StartAsync();
        var handler = await LlmosIntentHandler.RegisterAsync(daemon.Address, "/org/example/Player", Intents, (_, _) =>
            Task.FromResult(new IntentHandlerReply("Playing")));
        Assert.Equal("Playing", (await SubmitIntentAsync(daemon.Client, "play")).Result!.Text);

        await handler.DisposeAsync();

        var refused = await Assert.ThrowsAsync<LlmosException>(() => SubmitIntentAsync(daemon.Client, "play"));
        Assert.Equal(ErrorCodes.Unsupported, refused.Code);
    }

    [Fact]
    public async Task The_handler_registers_again_with_a_restarted_llmosd()
    {
        await using var daemon = await BusDaemon.StartAsync();
        var received = new ConcurrentQueue<IntentHandlerRequest>();
        await using var handler = await LlmosIntentHandler.RegisterAsync(daemon.Address, "/org/example/Player", Intents, (request, _) =>
        {
            received.Enqueue(request);
            return Task.FromResult(new IntentHandlerReply($"Playing {request.Slots["song"]} again"));
        });

        await daemon.Daemon.TerminateAsync();
        await using var restarted = await DaemonProcess.StartAsync(new DaemonProcess.Options { BusAddress = daemon.Address, Directory = Path.GetDirectoryName(daemon.Daemon.DataDir) });
        await WaitUntilRegisteredAsync(restarted.Client);

        var task = await SubmitIntentAsync(daemon.Client, "play yesterday");

        Assert.Equal(TaskStates.Completed, task.State);
        Assert.Equal("Playing yesterday again", task.Result!.Text);
        Assert.Equal("play yesterday", Assert.Single(received).Utterance);
    }

    [Fact]
    public async Task An_invalid_intent_is_refused_at_registration()
    {
        await using var daemon = await BusDaemon.StartAsync();

        var refused = await Assert.ThrowsAsync<LlmosException>(() => LlmosIntentHandler.RegisterAsync(
            daemon.Address, "/org/example/Player", [new IntentDto("")], (_, _) => Task.FromResult(new IntentHandlerReply("never"))));

        Assert.Equal(ErrorCodes.InvalidInput, refused.Code);
    }

    /// <summary>Until the new llmosd lists the intent (asked on its socket): the handler registers again on its own.</summary>
    private static async Task WaitUntilRegisteredAsync(LlmosClient socketClient)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!(await socketClient.ListIntentsAsync()).Any(registration => registration.Intents.Any(intent => intent.Name == Intent)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the handler did not register again with the new llmosd");
            await Task.Delay(50);
        }
    }

    private static Task<TaskDto> SubmitIntentAsync(LlmosClient client, string utterance)
    {
        var slots = new Dictionary<string, System.Text.Json.JsonElement>
        {
            ["song"] = System.Text.Json.JsonSerializer.SerializeToElement("yesterday"),
            ["volume"] = System.Text.Json.JsonSerializer.SerializeToElement(7),
        };
        var request = new TaskSubmitRequest("intent", new TaskInput(null, Intent: Intent, Slots: slots, Utterance: utterance));
        return client.Transport.SubmitAsync(request, wait: true, CancellationToken.None);
    }
}

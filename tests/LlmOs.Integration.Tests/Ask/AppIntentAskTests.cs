using System.Net;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Integration.Tests.Intents;

namespace LlmOs.Integration.Tests.Ask;

/// <summary>
/// An app teaches llmosd an intent with five example sentences; an ask in other words reaches it, its reply becomes the
/// result, and the intent goes when the app does. Hanging up on an ask cancels it, down to the app's dispatch.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class AppIntentAskTests(AskDaemonFixture fixture) : IClassFixture<AskDaemonFixture>
{
    private const string Pizza = """
        {"intents":[{"name":"org.example.pizza.order","description":"Orders a pizza from the corner pizzeria",
          "examples":["order a pizza","I want a pizza delivered","get me a pizza","buy a pizza for dinner","order pizza from the pizzeria"]}]}
        """;

    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task A_paraphrase_of_the_apps_examples_reaches_the_app_and_its_reply_is_the_answer_until_it_leaves()
    {
        string handler;
        await using (var app = await IntentStream.OpenAsync(_daemon.Socket, Pizza))
        {
            handler = "app:socket:" + app.RegistrationId;
            var catalog = await _daemon.Client.GetIntentCatalogAsync();
            var listed = Assert.Single(catalog.Intents, i => i.Name == "org.example.pizza.order");
            Assert.Equal("app", listed.Source);
            Assert.Equal(5, listed.Examples.Count);
            Assert.Equal("socket:" + app.RegistrationId, listed.Handler);

            var asking = AskDaemon.AskAsync(_daemon.Http, "could you order me a pizza please");
            var dispatch = await app.NextDispatchAsync();
            Assert.Equal("org.example.pizza.order", dispatch.GetProperty("intent").GetString());
            Assert.Equal("could you order me a pizza please", dispatch.GetProperty("utterance").GetString());
            using (var answered = await _daemon.Http.PostAsync(IntentWire.DispatchPath(dispatch), UnixHttp.Json("""{"text":"A margherita is on its way","action":{"type":"org.example.pizza.track","order":17}}""")))
            {
                Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
            }

            var (status, body) = await asking;
            Assert.True(status == 200, body.ToString());
            Assert.Equal("org.example.pizza.order", body.GetProperty("intent").GetString());
            Assert.Equal(handler, body.GetProperty("handler").GetString());
            Assert.Equal("A margherita is on its way", body.GetProperty("text").GetString());
            Assert.Equal(17, body.GetProperty("action").GetProperty("order").GetInt64());
        }

        // The app left: its intent is gone from the catalog and no ask reaches it.
        await WaitUntilAsync(async () => !(await _daemon.Client.GetIntentCatalogAsync()).Intents.Any(i => i.Name == "org.example.pizza.order"));
        var (afterStatus, after) = await AskDaemon.AskAsync(_daemon.Http, "order a pizza");
        Assert.Equal(200, afterStatus);
        Assert.NotEqual("org.example.pizza.order", after.GetProperty("intent").GetString());
        Assert.NotEqual(handler, after.GetProperty("handler").GetString());
    }

    [Fact]
    public async Task Hanging_up_on_an_ask_cancels_its_task_while_the_app_still_thinks()
    {
        await using var app = await IntentStream.OpenAsync(_daemon.Socket, Pizza);
        using var hangUp = new CancellationTokenSource();
        var asking = AskDaemon.AskAsync(_daemon.Http, "order a pizza", cancellationToken: hangUp.Token);
        var dispatch = await app.NextDispatchAsync(); // the app got it, and does not answer: a slow handler
        Assert.False(asking.IsCompleted);

        var running = Assert.Single(await _daemon.Client.ListTasksAsync(), t => t.Kind == "ask" && t.State == "running");
        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asking);

        await WaitUntilAsync(async () => (await _daemon.Client.GetTaskAsync(running.Id)).State == "cancelled");

        // The cancelled ask forgot its dispatch: a late answer finds nobody waiting.
        using var late = await _daemon.Http.PostAsync(IntentWire.DispatchPath(dispatch), UnixHttp.Json("""{"text":"too late"}"""));
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(50);
        }
    }
}

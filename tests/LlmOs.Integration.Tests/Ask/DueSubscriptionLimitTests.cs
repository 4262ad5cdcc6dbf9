using System.Net;
using System.Text.Json;
using LlmOs.Client;
using LlmOs.Integration.Tests.DBus;
using LlmOs.Integration.Tests.Infrastructure;
using Tmds.DBus.Protocol;

namespace LlmOs.Integration.Tests.Ask;

/// <summary>
/// A uid keeps at most 32 due-event subscriptions, <c>GET /v1/events</c> streams and D-Bus <c>Subscribe</c> together;
/// beyond that, busy with Retry-After. <c>Unsubscribe</c> gives a bus connection's place back while it stays on the bus,
/// and the client library calls it when a watch ends.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class DueSubscriptionLimitTests
{
    private const int Limit = 32;

    [Fact]
    public async Task Streams_and_bus_subscriptions_share_a_per_uid_cap_and_unsubscribe_gives_the_place_back()
    {
        using var dir = new TempDir();
        await using var bus = await BusDaemon.StartAsync(AskDaemon.Options(dir.Path, withModel: false));
        var http = bus.Daemon.Http;
        var streams = new List<DueEventStream>();
        try
        {
            // The library's watch holds once it has brought an event (a timer of its own, live or kept for it).
            using var client = LlmosClient.ForBus(bus.Address);
            using var following = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var watch = client.WatchEventsAsync(following.Token).GetAsyncEnumerator(following.Token);
            var first = watch.MoveNextAsync().AsTask();
            await client.AskAsync("set a timer for 1 second");
            Assert.True(await first);

            for (int i = 1; i < Limit; i++)
            {
                streams.Add(await DueEventStream.OpenAsync(bus.Daemon.Socket));
            }

            await AssertStreamRefusedAsync(http);

            // Ending the watch unsubscribes: the place is free again though the client's connection stays.
            await watch.DisposeAsync();
            streams.Add(await DueEventStream.OpenAsync(bus.Daemon.Socket));
            await AssertStreamRefusedAsync(http);

            // Over the bus: refused when full; a subscribed connection's second Subscribe takes no second place.
            await using var raw = await bus.ConnectAsync();
            var refused = await Assert.ThrowsAsync<DBusErrorReplyException>(() => SubscribeAsync(raw));
            Assert.Equal("org.llmos.Error.Busy", refused.ErrorName);
            await UnsubscribeAsync(raw); // without a subscription: nothing changes
            await AssertStreamRefusedAsync(http);

            await streams[^1].DisposeAsync();
            streams.RemoveAt(streams.Count - 1);
            await EventuallyAsync(() => SubscribeAsync(raw)); // the stream's place goes once the daemon sees the hang-up
            await SubscribeAsync(raw);
            await AssertStreamRefusedAsync(http);
            await UnsubscribeAsync(raw);
            await UnsubscribeAsync(raw);
            streams.Add(await DueEventStream.OpenAsync(bus.Daemon.Socket));
            await AssertStreamRefusedAsync(http); // the second Unsubscribe gave back nothing more
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private static async Task AssertStreamRefusedAsync(HttpClient http)
    {
        using var response = await http.GetAsync("v1/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "busy must say when to retry");
        var body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal("busy", AskDaemon.ErrorCode(body));
    }

    private static Task<bool> SubscribeAsync(BusClient raw) => raw.CallDaemonAsync("Subscribe", "", null, static (_, _) => true);

    private static Task<bool> UnsubscribeAsync(BusClient raw) => raw.CallDaemonAsync("Unsubscribe", "", null, static (_, _) => true);

    private static async Task EventuallyAsync(Func<Task> attempt)
    {
        for (int tries = 0; ; tries++)
        {
            try
            {
                await attempt();
                return;
            }
            catch (DBusErrorReplyException e) when (e.ErrorName == "org.llmos.Error.Busy" && tries < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}

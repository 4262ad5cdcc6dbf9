using LlmOs.Client;
using LlmOs.Integration.Tests.DBus;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.DBus;

namespace LlmOs.Integration.Tests.Ask;

/// <summary>
/// The intent engine over D-Bus, on a private bus: Daemon1.Ask, TestUtterance and GetIntentCatalog answer what the
/// socket does, and a connection that called Subscribe gets its user's Due signals.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class AskBusTests
{
    [Fact]
    public async Task Ask_test_and_catalog_over_the_bus_answer_as_the_socket_does_and_subscribe_brings_the_due_signal()
    {
        using var dir = new TempDir();
        await using var bus = await BusDaemon.StartAsync(AskDaemon.Options(dir.Path, withModel: false));

        var gdbus = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.Ask", "set a timer for two and a half minutes", "{'time_zone': <'UTC'>}");
        Assert.True(gdbus.ExitCode == 0, gdbus.Stderr);
        Assert.Contains("'intent': <'timer.set'>", gdbus.Stdout);
        Assert.Contains("'duration': <int64 150>", gdbus.Stdout);
        Assert.Contains("'handler': <'skill'>", gdbus.Stdout);

        var blank = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.Ask", "   ", "{}");
        Assert.Contains("org.llmos.Error.InvalidInput", blank.Stderr);
        var zone = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.Ask", "what time is it", "{'time_zone': <'Nowhere/Atlantis'>}");
        Assert.Contains("org.llmos.Error.InvalidInput", zone.Stderr);

        using var client = LlmosClient.ForBus(bus.Address);
        var tested = await client.TestUtteranceAsync("open the web browser");
        Assert.Equal("app.open", tested.Intent);
        Assert.Equal("firefox.desktop", tested.Slots["app"].GetString());
        Assert.NotEmpty(tested.Explain);

        var catalog = await client.GetIntentCatalogAsync();
        Assert.Equal("en", catalog.Language);
        var timer = Assert.Single(catalog.Intents, i => i.Name == "timer.set");
        Assert.Equal("builtin", timer.Source);
        Assert.Equal("duration", timer.Slots["duration"]);
        Assert.NotEmpty(timer.Templates);
        var listed = await ProcessRunner.RunAsync("dotnet", [TestPaths.Llmosctl, "--bus", bus.Address, "intents", "list"]);
        Assert.True(listed.ExitCode == 0, listed.Stderr);
        Assert.Matches(@"\ntimer\.set +builtin +duration:duration", listed.Stdout);
        var unknown = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.GetIntentCatalog", "xx");
        Assert.Contains("org.llmos.Error.InvalidInput", unknown.Stderr);

        var answer = await client.AskAsync("open files", new AskOptions(Explain: true));
        Assert.Equal("app.open", answer.Intent);
        Assert.Equal("org.gnome.Nautilus.desktop", answer.Action!["desktop_id"].GetString());
        Assert.NotNull(answer.Explain);

        using var following = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var dues = client.WatchEventsAsync(following.Token).GetAsyncEnumerator(following.Token);
        // Subscribes, then waits. Even if the timer fell due before Subscribe arrived, nobody of this uid listened then,
        // so the daemon keeps it for this first subscriber: no sleep needed to order the two.
        var first = dues.MoveNextAsync().AsTask();
        await client.AskAsync("set a tea timer for 2 seconds");
        Assert.True(await first);
        Assert.Equal("timer", dues.Current.Kind);
        Assert.Equal("tea", dues.Current.Label);
        Assert.Equal(2, dues.Current.DurationSeconds);
    }
}

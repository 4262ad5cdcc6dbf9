using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.DBus;
using Tmds.DBus.Protocol;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>Whatever a client sends, it gets a named org.llmos.Error and the daemon answers the next call.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BusInvalidInputTests(BusDaemonFixture fixture) : IClassFixture<BusDaemonFixture>
{
    private const string Daemon1 = "org.llmos.Daemon1.";

    public static TheoryData<string, string[], string, string> GdbusCases => new()
    {
        { "empty kind", ["Submit", "", "{'prompt': <'x'>}", "{}"], "InvalidInput", "kind" },
        { "unknown kind", ["Submit", "paint", "{'prompt': <'x'>}", "{}"], "InvalidInput", "unknown task kind 'paint'" },
        { "unknown option", ["Generate", "Once", "{'max_tokenz': <8>}"], "InvalidInput", "unknown key at 'options.max_tokenz'" },
        { "wrong option type", ["Generate", "Once", "{'max_tokens': <'eight'>}"], "InvalidInput", "wrong type at 'options.max_tokens'" },
        { "option out of range", ["Generate", "Once", "{'max_tokens': <0>}"], "InvalidInput", "max_tokens" },
        { "unknown input key", ["Submit", "generate", "{'prompt': <'x'>, 'colour': <'red'>}", "{}"], "InvalidInput", "unknown key at 'input.colour'" },
        { "detach not a boolean", ["Submit", "generate", "{'prompt': <'x'>}", "{'detach': <'yes'>}"], "InvalidInput", "'detach' is a boolean" },
        { "dictionary keyed by numbers", ["Submit", "generate", "{'prompt': <{1: 'x'}>}", "{}"], "InvalidInput", "'input'" },
        { "empty prompt", ["Generate", "", "{}"], "InvalidInput", "'input.prompt' is empty" },
        { "oversized prompt", ["Generate", new string('a', 500), "{}"], "TooLarge", "the limit is 100" },
        { "empty intent name", ["RegisterIntentHandler", "/org/example/App", "[{'name': <''>}]"], "InvalidInput", "intents[0].name" },
        { "no intents", ["RegisterIntentHandler", "/org/example/App", "@aa{sv} []"], "InvalidInput", "at least one intent" },
        { "intent with an unknown key", ["RegisterIntentHandler", "/org/example/App", "[{'name': <'a.b'>, 'colour': <'red'>}]"], "InvalidInput", "unknown key at 'intents[0].colour'" },
        { "intent task with empty name", ["Submit", "intent", "{'intent': <''>}", "{}"], "InvalidInput", "input.intent" },
        { "no such task", ["GetTask", "0123456789abcdef"], "NotFound", "no task '0123456789abcdef'" },
        { "no such model", ["LoadModel", "nonexistent", "{}"], "ModelNotFound", "nonexistent" },
        { "unknown intent", ["Submit", "intent", "{'intent': <'nobody.handles-this'>}", "{}"], "Unsupported", "nobody.handles-this" },
    };

    [Theory]
    [MemberData(nameof(GdbusCases))]
    public async Task A_bad_call_from_gdbus_gets_a_named_error_and_the_daemon_answers_on(string what, string[] call, string error, string message)
    {
        var bus = fixture.Bus;

        var result = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, Daemon1 + call[0], call[1..]);

        Assert.True(result.ExitCode != 0, $"{what}: {result.Stdout}");
        Assert.Contains($"org.llmos.Error.{error}:", result.Stderr);
        Assert.Contains(message, result.Stderr);
        await AssertStillServingAsync(bus);
    }

    [Fact]
    public async Task Wrong_signatures_unknown_methods_file_descriptors_and_repeated_keys_are_refused_by_name()
    {
        var bus = fixture.Bus;

        var wrongTypes = await BusTools.BusctlAsync(bus.Address, "call", DBusNames.Service, DBusNames.DaemonPath, DBusNames.DaemonInterface, "Submit", "ss", "generate", "x");
        Assert.Contains("Submit takes (s kind, a{sv} input, a{sv} options), not (ss)", wrongTypes.Stderr);
        var status = await BusTools.BusctlAsync(bus.Address, "call", DBusNames.Service, DBusNames.DaemonPath, DBusNames.DaemonInterface, "GetStatus", "s", "x");
        Assert.Contains("GetStatus takes no arguments, not (s)", status.Stderr);
        var unknown = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, Daemon1 + "Explode");
        Assert.Contains("org.freedesktop.DBus.Error.UnknownMethod", unknown.Stderr);
        var taskPath = await BusTools.GdbusCallAsync(bus.Address, "/org/llmos/Task/not-a-task/at-all", "org.llmos.Task1.Cancel");
        Assert.NotEqual(0, taskPath.ExitCode);

        await using var client = await bus.ConnectAsync();
        using var file = File.OpenHandle("/dev/null");
        var withFd = await Assert.ThrowsAsync<DBusErrorReplyException>(() => client.CallDaemonAsync("Submit", "sa{sv}a{sv}", (ref MessageWriter w) =>
        {
            w.WriteString("generate");
            var input = w.WriteDictionaryStart();
            w.WriteDictionaryEntryStart();
            w.WriteString("prompt");
            w.WriteVariantHandle(file);
            w.WriteDictionaryEnd(input);
            w.WriteDictionaryEnd(w.WriteDictionaryStart());
        }, static (m, _) => m.GetBodyReader().ReadObjectPathAsString()));
        Assert.Equal("org.llmos.Error.InvalidInput", withFd.ErrorName);

        var twice = await Assert.ThrowsAsync<DBusErrorReplyException>(() => client.CallDaemonAsync("Generate", "sa{sv}", (ref MessageWriter w) =>
        {
            w.WriteString("Once upon a time");
            var options = w.WriteDictionaryStart();
            for (int i = 0; i < 2; i++)
            {
                w.WriteDictionaryEntryStart();
                w.WriteString("max_tokens");
                w.WriteVariantInt32(4);
            }

            w.WriteDictionaryEnd(options);
        }, static (m, _) => m.GetBodyReader().ReadString()));
        Assert.Equal("org.llmos.Error.InvalidInput", twice.ErrorName);
        Assert.Contains("twice", twice.ErrorMessage);

        await AssertStillServingAsync(bus);
    }

    private static async Task AssertStillServingAsync(BusDaemon bus)
    {
        var status = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, Daemon1 + "GetStatus");
        Assert.True(status.ExitCode == 0, status.Stderr);
        Assert.False(bus.Daemon.Process.HasExited);
        Assert.DoesNotContain("org.llmos.Error.Internal", bus.Daemon.Log);
    }
}

using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.DBus;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>The model calls mirror the socket's: AddModel for root only, LoadModel, GetResidentModels, UnloadModel.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BusModelTests
{
    [Fact]
    public async Task Root_adds_a_model_that_is_then_loaded_listed_as_resident_and_unloaded_and_another_user_may_not_add()
    {
        await using var bus = await BusDaemon.StartAsync(new DaemonProcess.Options { WithModel = false });
        string file = Path.Combine(Path.GetDirectoryName(bus.Daemon.DataDir)!, "tiny.gguf");
        File.Copy(TestPaths.Stories, file);
        File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);

        var refused = await BusTools.GdbusCallAsAsync(TestUsers.Alice, bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.AddModel", file, "{'name': <'tiny'>}");
        Assert.Contains("org.llmos.Error.Forbidden", refused.Stderr);

        var added = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.AddModel", file, "{'name': <'tiny'>, 'default': <true>}");
        Assert.True(added.ExitCode == 0, added.Stderr);
        Assert.Contains("'id': <'tiny'>", added.Stdout);
        Assert.Contains("'default': <true>", added.Stdout);
        Assert.Contains((await bus.Daemon.Client.ListModelsAsync()).Data, m => m.Id == "tiny");

        var loaded = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.LoadModel", "tiny", "{'keep_alive': <-1>}");
        Assert.True(loaded.ExitCode == 0, loaded.Stderr);
        Assert.Contains("'state': <'loaded'>", loaded.Stdout);
        var resident = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.GetResidentModels");
        Assert.Contains("'name': <'tiny'>", resident.Stdout);
        Assert.Contains("'accelerator': <'cpu'>", resident.Stdout);

        var unloaded = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.UnloadModel", "tiny");
        Assert.True(unloaded.ExitCode == 0, unloaded.Stderr);
        Assert.Contains("'unloaded': <true>", unloaded.Stdout);
    }
}

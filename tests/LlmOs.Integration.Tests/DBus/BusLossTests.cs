using System.Diagnostics;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.DBus;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>The bus is a second door, never a dependency: losing it leaves the socket serving, and a new bus is rejoined.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BusLossTests
{
    [Fact]
    public async Task When_the_bus_dies_the_socket_serves_on_and_llmosd_rejoins_a_bus_that_comes_back()
    {
        await using var bus = new RestartableBus();
        await bus.StartAsync();
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options { BusAddress = bus.Address });
        await WaitForNameAsync(bus.Address, daemon);

        await bus.KillAsync();

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal("ok", (await daemon.Client.HealthAsync()).Status);
            using var response = await daemon.Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(TaskWire.Generate("Once upon a time", 4)));
            Assert.Equal("completed", (await TaskWire.ReadTaskAsync(response)).State);
            await Task.Delay(100);
        }

        await bus.StartAsync();
        var watch = Stopwatch.StartNew();
        await WaitForNameAsync(bus.Address, daemon);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"llmosd took {watch.Elapsed} to rejoin the bus");
        var status = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.GetStatus");
        Assert.True(status.ExitCode == 0, status.Stderr);
        Assert.Contains("the session bus went away", daemon.Log);
    }

    [Fact]
    public async Task Without_any_session_bus_llmosd_says_so_once_and_serves_the_socket()
    {
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            Args = ["--bus", "session"],
            Environment = new Dictionary<string, string> { ["DBUS_SESSION_BUS_ADDRESS"] = "", ["XDG_RUNTIME_DIR"] = "/nonexistent" },
        });

        Assert.Equal("ok", (await daemon.Client.HealthAsync()).Status);
        await Task.Delay(500);
        Assert.Single(daemon.Log.Split('\n'), l => l.Contains("no session bus address", StringComparison.Ordinal));
    }

    private static async Task WaitForNameAsync(string address, DaemonProcess daemon)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        while (true)
        {
            var owner = await ProcessRunner.RunAsync("busctl", ["--address=" + address, "call", "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner", "s", DBusNames.Service]);
            if (owner.Stdout.Trim() == "b true")
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "llmosd did not take its name on the bus:\n" + daemon.Log);
            await Task.Delay(100);
        }
    }
}

using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.DBus;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>A private bus of the test's own and the real llmosd on it, ready once it owns <c>org.llmos.Daemon</c>.</summary>
public sealed class BusDaemon : IAsyncDisposable
{
    private BusDaemon(PrivateBus bus, DaemonProcess daemon)
    {
        Bus = bus;
        Daemon = daemon;
    }

    public PrivateBus Bus { get; }

    public DaemonProcess Daemon { get; }

    public string Address => Bus.Address;

    public static async Task<BusDaemon> StartAsync(DaemonProcess.Options? options = null)
    {
        var bus = await PrivateBus.StartAsync();
        try
        {
            var daemon = await DaemonProcess.StartAsync((options ?? new DaemonProcess.Options()) with { BusAddress = bus.Address });
            var started = new BusDaemon(bus, daemon);
            await started.WaitForNameAsync();
            return started;
        }
        catch
        {
            await bus.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new connection of the test process to the bus.</summary>
    public Task<BusClient> ConnectAsync() => BusClient.ConnectAsync(Address);

    /// <summary>Waits until the daemon owns its name on the bus (it joins the bus after its socket is ready).</summary>
    public async Task WaitForNameAsync(TimeSpan? timeout = null)
    {
        await using var client = await ConnectAsync();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await client.NameHasOwnerAsync(DBusNames.Service))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("llmosd did not take its name on the bus:\n" + Daemon.Log);
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Daemon.DisposeAsync();
        await Bus.DisposeAsync();
    }
}

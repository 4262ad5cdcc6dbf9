using LlmOs.Client;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.ClientDBus;

/// <summary>
/// A private bus with the real llmosd on it (user mode: the bus is its session bus), and a client of each kind:
/// <see cref="Client"/> over D-Bus, <see cref="Daemon"/>'s own over the socket, to compare them.
/// </summary>
public sealed class BusDaemon : IAsyncDisposable
{
    private BusDaemon(PrivateBus bus, DaemonProcess daemon)
    {
        Bus = bus;
        Daemon = daemon;
        Client = LlmosClient.ForBus(bus.Address);
    }

    public PrivateBus Bus { get; }

    public DaemonProcess Daemon { get; }

    /// <summary>The client library over D-Bus.</summary>
    public LlmosClient Client { get; }

    public string Address => Bus.Address;

    public static async Task<BusDaemon> StartAsync()
    {
        var bus = await PrivateBus.StartAsync();
        DaemonProcess? daemon = null;
        try
        {
            daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options { BusAddress = bus.Address });
            var started = new BusDaemon(bus, daemon);
            await started.WaitUntilOnTheBusAsync();
            return started;
        }
        catch
        {
            if (daemon is not null)
            {
                await daemon.DisposeAsync();
            }

            await bus.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Daemon.DisposeAsync();
        await Bus.DisposeAsync();
    }

    /// <summary>The socket answers before the daemon owns its bus name; wait for the name too.</summary>
    private async Task WaitUntilOnTheBusAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                await Client.StatusAsync();
                return;
            }
            catch (LlmosUnreachableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}

using LlmOs.Ipc;
using LlmOs.Ipc.Capabilities;
using LlmOs.Ipc.Errors;
using LlmOs.Ipc.Health;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>
/// llmosd over D-Bus (<c>org.llmos.Daemon1</c> on the session bus, the system bus or a given address), behind the same
/// API as the socket. It connects on first use, with one connection for everything: calls, and the task signals
/// llmosd sends it. Tasks it submits to stream or wait on are cancelled by llmosd if this connection goes away, as a
/// closed socket stream cancels its task; tasks submitted without waiting are detached and run on, as on the socket.
/// The OpenAI-compatible endpoints and metrics exist only on the socket.
/// </summary>
public sealed partial class DBusTransport : ILlmosTransport
{
    private readonly string? _address;
    private readonly DBusConnection? _givenConnection;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private readonly Lock _stateGate = new();
    private DaemonBus? _bus;
    private bool _disposed;

    /// <summary>A transport to the daemon on <paramref name="bus"/>: null or <c>session</c>, <c>system</c>, or a D-Bus address.</summary>
    public DBusTransport(string? bus = null)
    {
        _address = BusAddress.Resolve(bus);
        Bus = BusAddress.Describe(bus, _address);
    }

    /// <summary>A transport over a connection the caller made and connected (and disposes after this transport).</summary>
    public DBusTransport(DBusConnection connection)
    {
        _givenConnection = connection;
        Bus = "the given D-Bus connection";
    }

    /// <summary>Which bus this transport talks on, as its messages name it.</summary>
    public string Bus { get; }

    public async Task<HealthResponse> GetHealthAsync(CancellationToken cancellationToken)
    {
        // Daemon1 has no health call: answering GetStatus is being healthy.
        var status = await GetStatusAsync(cancellationToken).ConfigureAwait(false);
        return new HealthResponse("ok", status.Version, status.UptimeS);
    }

    public Task<StatusResponse> GetStatusAsync(CancellationToken cancellationToken) =>
        CallForRecordAsync(BusCall.Daemon("GetStatus"), IpcJsonContext.Default.StatusResponse, cancellationToken);

    /// <summary>Each kind of work and whether it can be asked for now (Daemon1.GetCapabilities, as <c>GET /v1/capabilities</c>).</summary>
    public Task<CapabilitiesResponse> GetCapabilitiesAsync(CancellationToken cancellationToken) =>
        CallForRecordAsync(BusCall.Daemon("GetCapabilities"), IpcJsonContext.Default.CapabilitiesResponse, cancellationToken);

    public Task<Stream> PostJsonAsync(string path, ReadOnlyMemory<byte> json, CancellationToken cancellationToken) =>
        throw new LlmosException(ErrorCodes.Unsupported, $"/{path} is only on the socket API; use LlmosClient.ForSocket for it");

    public Task<string> GetMetricsTextAsync(CancellationToken cancellationToken) =>
        throw new LlmosException(ErrorCodes.Unsupported, "metrics are only on the socket API (GET /metrics); use LlmosClient.ForSocket for them");

    public void Dispose()
    {
        DaemonBus? bus;
        lock (_stateGate)
        {
            _disposed = true;
            bus = Interlocked.Exchange(ref _bus, null);
        }

        bus?.Dispose();
    }

    /// <summary>The connected bus, connecting on first use (and again after the connection was lost).</summary>
    private async ValueTask<DaemonBus> ConnectAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _bus) is { } connected)
        {
            return connected;
        }

        await _connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_bus is { } raced)
            {
                return raced;
            }

            var bus = _givenConnection is not null
                ? await DaemonBus.AttachAsync(_givenConnection, Bus, ownsConnection: false, cancellationToken).ConfigureAwait(false)
                : await DaemonBus.ConnectAsync(_address ?? throw new LlmosUnreachableException(Bus, "there is no session bus"), Bus, cancellationToken).ConfigureAwait(false);
            lock (_stateGate)
            {
                if (_disposed)
                {
                    bus.Dispose();
                    throw new ObjectDisposedException(nameof(DBusTransport));
                }

                _bus = bus;
            }

            return bus;
        }
        catch (Exception e) when (DBusFailures.Translate(e, Bus) is { } translated)
        {
            throw translated;
        }
        finally
        {
            _connectGate.Release();
        }
    }

    /// <summary>Drops a connection that failed, so that the next call connects afresh.</summary>
    private void Forget(DaemonBus bus)
    {
        if (Interlocked.CompareExchange(ref _bus, null, bus) == bus)
        {
            bus.Dispose();
        }
    }
}

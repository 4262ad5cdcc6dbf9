using LlmOs.Ipc.DBus;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>A connected bus as a <see cref="DBusTransport"/> uses it: the connection and the router of its task signals.</summary>
internal sealed class DaemonBus : IDisposable
{
    private readonly bool _ownsConnection;

    private DaemonBus(DBusConnection connection, TaskSignalRouter signals, bool ownsConnection)
    {
        Connection = connection;
        Signals = signals;
        _ownsConnection = ownsConnection;
    }

    public DBusConnection Connection { get; }

    public TaskSignalRouter Signals { get; }

    /// <summary>Connects to <paramref name="address"/> (a connection of our own) and subscribes to task signals.</summary>
    public static async Task<DaemonBus> ConnectAsync(string address, string bus, CancellationToken cancellationToken)
    {
        var connection = new DBusConnection(address);
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            return await AttachAsync(connection, bus, ownsConnection: true, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Uses a connection the caller made (and keeps and disposes).</summary>
    public static async Task<DaemonBus> AttachAsync(DBusConnection connection, string bus, bool ownsConnection, CancellationToken cancellationToken)
    {
        var signals = await TaskSignalRouter.StartAsync(
                connection,
                reason => DBusFailures.Translate(reason, bus) ?? DBusFailures.Unreachable(bus, reason),
                path => new LlmosUnreachableException(bus, $"llmosd left the bus while task {DBusNames.TaskId(path) ?? path} ran"))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return new DaemonBus(connection, signals, ownsConnection);
    }

    public void Dispose()
    {
        Signals.Dispose();
        if (_ownsConnection)
        {
            Connection.Dispose();
        }
    }
}

using LlmOs.Client.Transport.DBus;
using LlmOs.Ipc;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Intents;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Intents;

/// <summary>
/// An app's intent handler on D-Bus, in a few lines: exports an <c>org.llmos.IntentHandler1</c> object at a path,
/// registers its intents with llmosd (<c>Daemon1.RegisterIntentHandler</c>), and runs <c>handle</c> for each request
/// llmosd sends. Disposing it unregisters and removes the object; leaving the bus drops the registration too.
/// When llmosd restarts (a new owner of <c>org.llmos.Daemon</c>), the handler registers its intents with it again.
/// <code>
/// await using var handler = await LlmosIntentHandler.RegisterAsync(null, "/org/example/Player",
///     [new IntentDto("org.example.play", ["play some music", "play {song}"], new Dictionary&lt;string, string&gt; { ["song"] = "text" })],
///     (request, ct) =&gt; Task.FromResult(new IntentHandlerReply($"Playing {request.Slots.GetValueOrDefault("song")}")));
/// </code>
/// </summary>
public sealed class LlmosIntentHandler : IAsyncDisposable
{
    private static readonly TimeSpan UnregisterTimeout = TimeSpan.FromSeconds(5);

    private readonly IntentHandlerObject _object;
    private readonly NameOwnerWatcher _daemonOwner;
    private readonly bool _ownsConnection;
    private readonly string _bus;
    private readonly IntentRegistrationKeeper _keeper;
    private IReadOnlyList<IntentDto> _intents;
    private int _disposed;

    private LlmosIntentHandler(
        DBusConnection connection, IntentHandlerObject handlerObject, NameOwnerWatcher daemonOwner, string? registeredWith, IReadOnlyList<IntentDto> intents, bool ownsConnection, string bus)
    {
        Connection = connection;
        _object = handlerObject;
        _daemonOwner = daemonOwner;
        _intents = intents;
        _ownsConnection = ownsConnection;
        _bus = bus;
        _keeper = new IntentRegistrationKeeper(
            daemonOwner, registeredWith, connection.DisconnectedAsync(), cancellationToken => CallRegisterAsync(Connection, _bus, Path, Volatile.Read(ref _intents), cancellationToken));
    }

    /// <summary>The connection the object is exported on.</summary>
    public DBusConnection Connection { get; }

    /// <summary>The object's path.</summary>
    public string Path => _object.Path;

    /// <summary>
    /// Connects to <paramref name="bus"/> (null or <c>session</c>, <c>system</c>, or a D-Bus address), exports the handler at
    /// <paramref name="path"/> and registers <paramref name="intents"/>. The connection is the handler's own and closes with it.
    /// A refusal (an invalid intent, say) throws <see cref="LlmosException"/> with its code; no bus or no llmosd,
    /// <see cref="LlmosUnreachableException"/>.
    /// </summary>
    public static async Task<LlmosIntentHandler> RegisterAsync(
        string? bus,
        string path,
        IReadOnlyList<IntentDto> intents,
        Func<IntentHandlerRequest, CancellationToken, Task<IntentHandlerReply>> handle,
        CancellationToken cancellationToken = default)
    {
        string? address = BusAddress.Resolve(bus);
        string description = BusAddress.Describe(bus, address);
        var connection = new DBusConnection(address ?? throw new LlmosUnreachableException(description, "there is no session bus"));
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            return await RegisterAsync(connection, ownsConnection: true, description, path, intents, handle, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            connection.Dispose();
            throw DBusFailures.Translate(e, description) ?? e;
        }
    }

    /// <summary>The same on a connection the app already has (and keeps: disposing the handler leaves it open).</summary>
    public static Task<LlmosIntentHandler> RegisterAsync(
        DBusConnection connection,
        string path,
        IReadOnlyList<IntentDto> intents,
        Func<IntentHandlerRequest, CancellationToken, Task<IntentHandlerReply>> handle,
        CancellationToken cancellationToken = default) =>
        RegisterAsync(connection, ownsConnection: false, "the given D-Bus connection", path, intents, handle, cancellationToken);

    /// <summary>Replaces the registered intents (registering the same object again replaces them), also for llmosd's next restarts.</summary>
    public async Task UpdateIntentsAsync(IReadOnlyList<IntentDto> intents, CancellationToken cancellationToken = default)
    {
        await CallRegisterAsync(Connection, _bus, Path, intents, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _intents, intents);
    }

    /// <summary>Unregisters (best effort: llmosd drops the registration anyway when the connection leaves), then removes the object.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _keeper.DisposeAsync().ConfigureAwait(false); // first: nothing registers again after the unregistration
        try
        {
            using var timeout = new CancellationTokenSource(UnregisterTimeout);
            await BusCall.Daemon("UnregisterIntentHandler", "o")
                .InvokeAsync(Connection, Path, static (ref MessageWriter writer, string path) => writer.WriteObjectPath(path), ReplyReaders.None, null)
                .WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DBusExceptionBase or OperationCanceledException or ObjectDisposedException)
        {
            // llmosd is gone or the connection is: there is no registration left to drop.
        }

        Connection.RemoveMethodHandler(Path);
        _object.Dispose();
        _daemonOwner.Dispose();
        if (_ownsConnection)
        {
            Connection.Dispose();
        }
    }

    private static async Task<LlmosIntentHandler> RegisterAsync(
        DBusConnection connection,
        bool ownsConnection,
        string bus,
        string path,
        IReadOnlyList<IntentDto> intents,
        Func<IntentHandlerRequest, CancellationToken, Task<IntentHandlerReply>> handle,
        CancellationToken cancellationToken)
    {
        var daemonOwner = await connection.WatchNameOwnerAsync(DBusNames.Service).ConfigureAwait(false);
        var handlerObject = new IntentHandlerObject(path, handle, daemonOwner);

        // Who has the name before the call: a daemon that replaced it meanwhile gets the registration again.
        string? registeredWith = daemonOwner.GetCurrentOwner();

        // Exported before registering: llmosd may dispatch the moment it has the registration.
        connection.AddMethodHandler(handlerObject);
        try
        {
            await CallRegisterAsync(connection, bus, path, intents, cancellationToken).ConfigureAwait(false);
            return new LlmosIntentHandler(connection, handlerObject, daemonOwner, registeredWith, intents, ownsConnection, bus);
        }
        catch
        {
            connection.RemoveMethodHandler(path);
            handlerObject.Dispose();
            daemonOwner.Dispose();
            throw;
        }
    }

    private static async Task CallRegisterAsync(DBusConnection connection, string bus, string path, IReadOnlyList<IntentDto> intents, CancellationToken cancellationToken)
    {
        try
        {
            await BusCall.Daemon("RegisterIntentHandler", "oaa{sv}")
                .InvokeAsync(
                    connection,
                    (path, intents),
                    static (ref MessageWriter writer, (string Path, IReadOnlyList<IntentDto> Intents) arguments) =>
                    {
                        writer.WriteObjectPath(arguments.Path);
                        DBusDictionaryWriter.WriteList(ref writer, arguments.Intents, IpcJsonContext.Default.IntentDto);
                    },
                    ReplyReaders.None,
                    null)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (DBusFailures.Translate(e, bus) is { } translated)
        {
            throw translated;
        }
    }
}

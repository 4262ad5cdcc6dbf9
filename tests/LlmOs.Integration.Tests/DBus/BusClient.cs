using System.Collections.Concurrent;
using LlmOs.Ipc;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Tasks;
using Tmds.DBus.Protocol;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>Writes a call's arguments.</summary>
public delegate void BodyWriter(ref MessageWriter writer);

/// <summary>One signal of a task object, as a test connection received it.</summary>
public sealed record TaskSignal(string Path, string Member, string? Text = null, string? State = null, TaskDto? Task = null);

/// <summary>
/// A D-Bus connection of the test process (an app, as far as llmosd can tell): calls llmosd's methods and records
/// the signals of task objects that the daemon sends to it.
/// </summary>
public sealed class BusClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<TaskSignal> _signals = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private BusClient(DBusConnection connection) => Connection = connection;

    public DBusConnection Connection { get; }

    public string UniqueName => Connection.UniqueName!;

    public IReadOnlyList<TaskSignal> Signals => [.. _signals];

    public static async Task<BusClient> ConnectAsync(string address)
    {
        var connection = new DBusConnection(address);
        await connection.ConnectAsync();
        var client = new BusClient(connection);
        var rule = new MatchRule { Type = MessageType.Signal, PathNamespace = DBusNames.TaskPathRoot };
        await connection.AddMatchAsync(rule, static (message, _) => ReadSignal(message), static notification =>
        {
            if (notification.HasValue)
            {
                var client = (BusClient)notification.State!;
                client._signals.Enqueue(notification.Value);
                client._arrived.Release();
            }
        }, emitOnCapturedContext: false, ObserverFlags.None, client);
        return client;
    }

    public Task<T> CallAsync<T>(string path, string interfaceName, string member, string signature, BodyWriter? body, MessageValueReader<T> reader, string destination = DBusNames.Service)
    {
        var writer = Connection.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(destination, path, interfaceName, member, signature.Length == 0 ? null : signature, MessageFlags.None);
            body?.Invoke(ref writer);
            return Connection.CallMethodAsync(writer.CreateMessage(), reader, null);
        }
        finally
        {
            writer.Dispose();
        }
    }

    public Task<T> CallDaemonAsync<T>(string member, string signature, BodyWriter? body, MessageValueReader<T> reader) =>
        CallAsync(DBusNames.DaemonPath, DBusNames.DaemonInterface, member, signature, body, reader);

    /// <summary>Submit("generate", {prompt}, {max_tokens, temperature 0, detach?}) → the task's path.</summary>
    public Task<string> SubmitGenerateAsync(string prompt, int maxTokens, bool detach = false) =>
        CallDaemonAsync("Submit", "sa{sv}a{sv}", (ref MessageWriter w) =>
        {
            w.WriteString("generate");
            var input = w.WriteDictionaryStart();
            w.WriteDictionaryEntryStart();
            w.WriteString("prompt");
            w.WriteVariantString(prompt);
            w.WriteDictionaryEnd(input);
            var options = w.WriteDictionaryStart();
            w.WriteDictionaryEntryStart();
            w.WriteString("max_tokens");
            w.WriteVariantInt32(maxTokens);
            w.WriteDictionaryEntryStart();
            w.WriteString("temperature");
            w.WriteVariantDouble(0);
            if (detach)
            {
                w.WriteDictionaryEntryStart();
                w.WriteString("detach");
                w.WriteVariantBool(true);
            }

            w.WriteDictionaryEnd(options);
        }, static (m, _) => m.GetBodyReader().ReadObjectPathAsString());

    public Task<TaskDto> GetTaskAsync(string id) =>
        CallDaemonAsync("GetTask", "s", (ref MessageWriter w) => w.WriteString(id), static (m, _) =>
            DBusDictionaryReader.Read(m.GetBodyReader().ReadDictionaryOfStringToVariantValue(), IpcJsonContext.Default.TaskDto));

    public Task<Dictionary<string, VariantValue>> GetStatusAsync() =>
        CallDaemonAsync("GetStatus", "", null, static (m, _) => m.GetBodyReader().ReadDictionaryOfStringToVariantValue());

    public Task<bool> NameHasOwnerAsync(string name) =>
        CallAsync("/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner", "s", (ref MessageWriter w) => w.WriteString(name),
            static (m, _) => m.GetBodyReader().ReadBool(), destination: "org.freedesktop.DBus");

    /// <summary>Waits for the task's Finished signal and returns it.</summary>
    public async Task<TaskSignal> WaitForFinishedAsync(string path, TimeSpan? timeout = null) =>
        await WaitForAsync(s => s.Path == path && s.Member == "Finished", timeout);

    public async Task<TaskSignal> WaitForAsync(Func<TaskSignal, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_signals.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException("the signal did not come; received: " + string.Join(", ", _signals.Select(s => $"{s.Member} {s.Path}")));
            }
        }
    }

    public List<TaskSignal> SignalsOf(string path) => [.. _signals.Where(s => s.Path == path)];

    public ValueTask DisposeAsync()
    {
        Connection.Dispose();
        _arrived.Dispose();
        return ValueTask.CompletedTask;
    }

    private static TaskSignal ReadSignal(Message message)
    {
        string path = message.PathAsString!;
        string member = message.MemberAsString!;
        var reader = message.GetBodyReader();
        return member switch
        {
            "Delta" or "Transcript" or "Intent" => new TaskSignal(path, member, Text: reader.ReadString()),
            "Finished" => new TaskSignal(path, member, State: reader.ReadString(),
                Task: DBusDictionaryReader.Read(reader.ReadDictionaryOfStringToVariantValue(), IpcJsonContext.Default.TaskDto)),
            "PropertiesChanged" => ReadPropertiesChanged(path, ref reader),
            _ => new TaskSignal(path, member),
        };
    }

    private static TaskSignal ReadPropertiesChanged(string path, ref Reader reader)
    {
        reader.ReadString();
        var changed = reader.ReadDictionaryOfStringToVariantValue();
        return new TaskSignal(path, "PropertiesChanged", State: changed.TryGetValue("State", out var state) ? state.GetString() : null);
    }
}

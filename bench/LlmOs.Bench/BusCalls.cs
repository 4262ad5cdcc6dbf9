using LlmOs.Ipc.DBus;
using Tmds.DBus.Protocol;

namespace LlmOs.Bench;

/// <summary>
/// The D-Bus calls the bench makes, written with Tmds.DBus.Protocol directly (the library llmosd and its client use),
/// so that the floor (the bus daemon's own GetId) and llmosd's methods pay exactly the same client-side costs.
/// </summary>
public static class BusCalls
{
    /// <summary>org.freedesktop.DBus.GetId: answered by the bus daemon itself, one hop each way.</summary>
    public static Task<string> GetIdAsync(DBusConnection connection)
    {
        var writer = connection.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetId", null, MessageFlags.None);
            return connection.CallMethodAsync(writer.CreateMessage(), static (message, _) => message.GetBodyReader().ReadString(), null);
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>org.freedesktop.DBus.Peer.Ping on llmosd: its connection, no work of its own.</summary>
    public static Task PingAsync(DBusConnection connection)
    {
        var writer = connection.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(DBusNames.Service, DBusNames.DaemonPath, "org.freedesktop.DBus.Peer", "Ping", null, MessageFlags.None);
            return connection.CallMethodAsync(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>org.llmos.Daemon1.GetStatus, its a{sv} read into values as a client must.</summary>
    public static Task<int> GetStatusAsync(DBusConnection connection)
    {
        var writer = connection.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(DBusNames.Service, DBusNames.DaemonPath, DBusNames.DaemonInterface, "GetStatus", null, MessageFlags.None);
            return connection.CallMethodAsync(writer.CreateMessage(), static (message, _) => message.GetBodyReader().ReadDictionaryOfStringToVariantValue().Count, null);
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Daemon1.Submit of a greedy generation; returns the task's object path.</summary>
    public static Task<string> SubmitGenerateAsync(DBusConnection connection, string prompt, int maxTokens)
    {
        var writer = connection.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(DBusNames.Service, DBusNames.DaemonPath, DBusNames.DaemonInterface, "Submit", "sa{sv}a{sv}", MessageFlags.None);
            writer.WriteString("generate");
            writer.WriteDictionary(new Dictionary<string, VariantValue> { ["prompt"] = prompt });
            writer.WriteDictionary(new Dictionary<string, VariantValue> { ["max_tokens"] = maxTokens, ["temperature"] = 0.0, ["seed"] = 1u });
            return connection.CallMethodAsync(writer.CreateMessage(), static (message, _) => message.GetBodyReader().ReadObjectPathAsString(), null);
        }
        finally
        {
            writer.Dispose();
        }
    }
}

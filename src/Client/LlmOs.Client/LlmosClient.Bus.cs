using LlmOs.Client.Transport.DBus;
using Tmds.DBus.Protocol;

namespace LlmOs.Client;

public sealed partial class LlmosClient
{
    /// <summary>
    /// A client for llmosd on D-Bus: <paramref name="bus"/> null or <c>session</c> for the session bus (user mode),
    /// <c>system</c> for the system bus, or a D-Bus address (<c>unix:path=…</c>). The same API as the socket's, except the
    /// OpenAI-compatible calls and metrics, which throw <see cref="LlmosException"/> with the code <c>unsupported</c>.
    /// </summary>
    public static LlmosClient ForBus(string? bus = null) => new(new DBusTransport(bus));

    /// <summary>A client over a D-Bus connection the app already has (for example the one its intent handlers use); the app disposes it.</summary>
    public static LlmosClient ForBus(DBusConnection connection) => new(new DBusTransport(connection));
}

using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>Which bus a client means: <c>session</c> (or nothing), <c>system</c>, or a D-Bus address (<c>unix:path=…</c>).</summary>
internal static class BusAddress
{
    public const string Session = "session";
    public const string System = "system";

    /// <summary>The address to connect to, or null when the session bus is meant and this session has none.</summary>
    public static string? Resolve(string? bus) => bus switch
    {
        null or "" or Session => DBusAddress.Session,
        System => DBusAddress.System,
        _ => bus,
    };

    /// <summary>How messages name the bus: "the session bus (ADDRESS)", or the address given.</summary>
    public static string Describe(string? bus, string? address) => bus switch
    {
        null or "" or Session => $"the session bus ({address ?? "DBUS_SESSION_BUS_ADDRESS is not set"})",
        System => $"the system bus ({address})",
        _ => bus,
    };
}

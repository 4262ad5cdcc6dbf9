using LlmOs.Daemon.Configuration;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>Where the bus llmosd joins is: the session bus from the environment, the system bus at its well-known place.</summary>
internal static class BusAddress
{
    public const string SessionVariable = "DBUS_SESSION_BUS_ADDRESS";

    /// <summary>The bus's address, or null when there is none to join.</summary>
    public static string? Resolve(DaemonBus bus) => bus switch
    {
        DaemonBus.Session => Session(),
        DaemonBus.System => DBusAddress.System,
        _ => null,
    };

    /// <summary>
    /// $DBUS_SESSION_BUS_ADDRESS, else the systemd user bus at $XDG_RUNTIME_DIR/bus when it exists (as GDBus and sd-bus
    /// look). Not <see cref="DBusAddress.Session"/>: with no variable it asks an X server, which a daemon must not.
    /// </summary>
    private static string? Session()
    {
        string? address = Environment.GetEnvironmentVariable(SessionVariable);
        if (!string.IsNullOrEmpty(address))
        {
            return address;
        }

        string? runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        return !string.IsNullOrEmpty(runtime) && File.Exists(Path.Combine(runtime, "bus"))
            ? "unix:path=" + Path.Combine(runtime, "bus")
            : null;
    }

    public static string Name(DaemonBus bus) => bus == DaemonBus.System ? "system" : "session";
}

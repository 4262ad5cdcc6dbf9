using LlmOs.Ipc.DBus;

namespace LlmOs.Daemon.DBus;

/// <summary>A refusal that only the bus has (a wrong signature, a task that is not the caller's): its D-Bus error name and message.</summary>
internal sealed class BusCallException(string errorName, string message) : Exception(message)
{
    public string ErrorName { get; } = errorName;

    /// <summary>An <c>org.llmos.Error.&lt;Code&gt;</c> error from a code of <see cref="Ipc.Errors.ErrorCodes"/>.</summary>
    public static BusCallException Of(string code, string message) => new(DBusErrorNames.ForCode(code), message);
}

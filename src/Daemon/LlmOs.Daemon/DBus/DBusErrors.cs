using System.Globalization;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Errors;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// Failures as D-Bus error replies: engine refusals become <c>org.llmos.Error.&lt;Code&gt;</c> with the same code the
/// socket answers (one table, <see cref="ErrorCodeMap.Code"/>), so both transports speak DESIGN.md's vocabulary alike.
/// </summary>
internal static class DBusErrors
{
    public const string PropertyReadOnly = "org.freedesktop.DBus.Error.PropertyReadOnly";
    public const string UnknownProperty = "org.freedesktop.DBus.Error.UnknownProperty";
    public const string UnknownInterface = "org.freedesktop.DBus.Error.UnknownInterface";
    public const string UnknownObject = "org.freedesktop.DBus.Error.UnknownObject";

    /// <summary>The error name and message for an exception; <c>Expected</c> is false for a bug (logged, answered Internal).</summary>
    public static (string Name, string Message, bool Expected) From(Exception exception) => exception switch
    {
        BusCallException e => (e.ErrorName, e.Message, true),
        EngineException e => (DBusErrorNames.ForCode(ErrorCodeMap.Code(e.Kind)), WithRetry(e), true),
        _ => (DBusErrorNames.ForCode(ErrorCodes.Internal), "the daemon failed to handle this call", false),
    };

    public static BusCallException NotFound(string message) => BusCallException.Of(ErrorCodes.NotFound, message);

    public static BusCallException InvalidInput(string message) => BusCallException.Of(ErrorCodes.InvalidInput, message);

    /// <summary>A busy refusal says when to retry in its message: D-Bus errors have no other field for it.</summary>
    private static string WithRetry(EngineException e) =>
        e.RetryAfter is { } after
            ? string.Create(CultureInfo.InvariantCulture, $"{e.Message} (retry in {Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))} s)")
            : e.Message;
}

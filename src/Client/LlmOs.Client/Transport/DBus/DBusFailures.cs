using System.Net.Sockets;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Errors;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>
/// What can go wrong on the bus, as the client library reports it everywhere: llmosd's named errors
/// (<c>org.llmos.Error.&lt;Code&gt;</c>) become <see cref="LlmosException"/> with the same code; no bus, no daemon on
/// it, or a connection that went away become <see cref="LlmosUnreachableException"/>; the bus's own errors get the
/// nearest code.
/// </summary>
internal static class DBusFailures
{
    private const string DBusErrorPrefix = "org.freedesktop.DBus.Error.";

    /// <summary>The exception to throw instead of <paramref name="exception"/>, or null to let it through as it is.</summary>
    public static LlmosException? Translate(Exception exception, string bus) => exception switch
    {
        LlmosException => null,
        DBusErrorReplyException reply => FromErrorReply(reply.ErrorName, reply.ErrorMessage, bus, reply),
        DBusConnectionException or SocketException or IOException => Unreachable(bus, exception),
        _ => null,
    };

    public static LlmosUnreachableException Unreachable(string bus, Exception exception) =>
        new(bus, exception.InnerException is SocketException socket ? SocketReason(socket.SocketErrorCode) : exception.Message, exception);

    public static LlmosException FromErrorReply(string name, string message, string bus, Exception? inner = null)
    {
        if (DBusErrorNames.CodeOf(name) is { } code)
        {
            return new LlmosException(code, message, inner: inner);
        }

        return name switch
        {
            DBusErrorPrefix + "ServiceUnknown" or DBusErrorPrefix + "NameHasNoOwner" => new LlmosUnreachableException(
                bus, "llmosd is not on this bus. Start it with 'llmosd' (user mode, session bus) or 'systemctl start llmosd' (system bus)", inner),
            DBusErrorPrefix + "Disconnected" or DBusErrorPrefix + "NoServer" => new LlmosUnreachableException(bus, message, inner),
            DBusErrorPrefix + "InvalidArgs" => new LlmosException(ErrorCodes.InvalidInput, message, inner: inner),
            DBusErrorPrefix + "AccessDenied" => new LlmosException(ErrorCodes.Forbidden, message, inner: inner),
            DBusErrorPrefix + "UnknownObject" => new LlmosException(ErrorCodes.NotFound, message, inner: inner),
            DBusErrorPrefix + "UnknownMethod" or DBusErrorPrefix + "UnknownInterface" or DBusErrorPrefix + "UnknownProperty" =>
                new LlmosException(ErrorCodes.Unsupported, $"this llmosd does not offer that call: {message}", inner: inner),
            _ => new LlmosException(ErrorCodes.Internal, $"{name}: {message}", inner: inner),
        };
    }

    private static string SocketReason(SocketError error) => error switch
    {
        SocketError.AddressNotAvailable or SocketError.ConnectionRefused => "no bus is listening there",
        SocketError.AccessDenied => "permission denied",
        _ => error.ToString(),
    };
}

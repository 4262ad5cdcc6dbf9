using System.Globalization;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.Security;

/// <summary>
/// polkit's <c>org.freedesktop.PolicyKit1.Authority.CheckAuthorization</c> over the system bus. Each question opens its
/// own connection and closes it after the answer: administrative calls are rare, and a fresh connection needs no
/// reconnect logic and takes a pending check (and an agent's dialog) with it when the question is abandoned.
/// </summary>
internal sealed class PolkitAuthority : IPolkitAuthority
{
    private const string Destination = "org.freedesktop.PolicyKit1";
    private const string ObjectPath = "/org/freedesktop/PolicyKit1/Authority";
    private const string Interface = "org.freedesktop.PolicyKit1.Authority";

    /// <summary>CheckAuthorizationFlags.AllowUserInteraction: an authentication agent (pkttyagent, a desktop's) may ask.</summary>
    private const uint AllowUserInteraction = 1;

    private static long _nextCancellationId;

    /// <summary>$DBUS_SYSTEM_BUS_ADDRESS, else the system bus's well-known socket.</summary>
    public static string SystemBusAddress =>
        Environment.GetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS") is { Length: > 0 } address
            ? address
            : "unix:path=/run/dbus/system_bus_socket";

    public async Task<bool> CheckAuthorizationAsync(PolkitSubject subject, string actionId, CancellationToken cancellationToken)
    {
        using var connection = new DBusConnection(new DBusConnectionOptions(SystemBusAddress) { AutoConnect = false });
        await connection.ConnectAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);

        string cancellationId = "llmosd-" + Interlocked.Increment(ref _nextCancellationId).ToString(CultureInfo.InvariantCulture);
        var answer = connection.CallMethodAsync(
            CheckAuthorization(connection, subject, actionId, cancellationId),
            static (message, _) => ReadIsAuthorized(message),
            null);
        try
        {
            return await answer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Tell polkitd to drop the question (and an agent's dialog for it); closing the connection does the rest.
            TryCancel(connection, cancellationId);
            throw;
        }
    }

    private static MessageBuffer CheckAuthorization(DBusConnection connection, PolkitSubject subject, string actionId, string cancellationId)
    {
        // Not `using var`: a using local is read-only, and the writer is a struct its writes must change in place.
        var writer = connection.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(Destination, ObjectPath, Interface, "CheckAuthorization", "(sa{sv})sa{ss}us", MessageFlags.AllowInteractiveAuthorization);

            // subject (sa{sv}): ("unix-process", {pid: u, start-time: t, uid: i})
            writer.WriteStructureStart();
            writer.WriteString("unix-process");
            var fields = writer.WriteDictionaryStart();
            writer.WriteDictionaryEntryStart();
            writer.WriteString("pid");
            writer.WriteVariantUInt32(subject.Pid);
            writer.WriteDictionaryEntryStart();
            writer.WriteString("start-time");
            writer.WriteVariantUInt64(subject.StartTime);
            writer.WriteDictionaryEntryStart();
            writer.WriteString("uid");
            writer.WriteVariantInt32(unchecked((int)subject.Uid));
            writer.WriteDictionaryEnd(fields);

            writer.WriteString(actionId);
            writer.WriteDictionaryEnd(writer.WriteDictionaryStart()); // details a{ss}: none (a caller that is not the subject may pass none)
            writer.WriteUInt32(AllowUserInteraction);
            writer.WriteString(cancellationId);
            return writer.CreateMessage();
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>The reply (bba{ss}): is_authorized, is_challenge, details; only the first matters.</summary>
    private static bool ReadIsAuthorized(Message message)
    {
        var reader = message.GetBodyReader();
        reader.AlignStruct();
        return reader.ReadBool();
    }

    private static void TryCancel(DBusConnection connection, string cancellationId)
    {
        try
        {
            var writer = connection.GetMessageWriter();
            try
            {
                writer.WriteMethodCallHeader(Destination, ObjectPath, Interface, "CancelCheckAuthorization", "s", MessageFlags.NoReplyExpected);
                writer.WriteString(cancellationId);
                connection.TrySendMessage(writer.CreateMessage());
            }
            finally
            {
                writer.Dispose();
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or DBusConnectionException or InvalidOperationException)
        {
            // The connection is gone already, and polkitd drops a departed caller's checks itself.
        }
    }
}

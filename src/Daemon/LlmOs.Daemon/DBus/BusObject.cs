using System.Text.Json.Serialization.Metadata;
using LlmOs.Engine.Errors;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Errors;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// What every llmosd object on the bus does with a call: handle it off the connection's read loop (a slow call, such as
/// Generate, must not hold up the next message), turn each refusal into a named D-Bus error, and answer anything
/// unexpected with <c>org.llmos.Error.Internal</c> after logging it, so that no call can take the daemon down.
/// </summary>
internal abstract class BusObject(BusPeers peers, ILogger logger) : IPathMethodHandler
{
    public abstract string Path { get; }

    /// <summary>The callers on the bus (each call's caller is recorded before it is handled).</summary>
    protected BusPeers Peers { get; } = peers;

    public abstract bool HandlesChildPaths { get; }

    public ValueTask HandleMethodAsync(MethodContext context)
    {
        // The library reads no further message until this returns; the call finishes on its own and disposes the context.
        context.DisposesAsynchronously = true;
        _ = RunAsync(context);
        return ValueTask.CompletedTask;
    }

    /// <summary>Whether the method <paramref name="member"/> takes a file descriptor (its signature has an h); none does unless said.</summary>
    protected virtual bool TakesDescriptors(string member) => false;

    /// <summary>Answers one call (its reply, or a thrown refusal).</summary>
    protected abstract ValueTask DispatchAsync(MethodContext context);

    private async Task RunAsync(MethodContext context)
    {
        try
        {
            // Still on the read loop: record the caller before anything else, so that its departure, which the bus
            // reports after its calls, finds it. Everything after the yield (reading a large body, validating it,
            // handling it) runs off the loop, so one caller's call holds up no other message.
            if (context.Request.SenderAsString is { } sender)
            {
                Peers.Get(sender, context.Connection);
            }

            await Task.Yield();
            if (context.Request.UnixFdCount > 0 && !TakesDescriptors(context.Request.MemberAsString ?? ""))
            {
                throw new EngineException(ErrorKind.InvalidInput, "llmosd takes file descriptors only with ClassifyFd, OcrFd and AskFd");
            }

            await DispatchAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller's connection is gone: nobody to answer.
        }
        catch (DBusErrorReplyException e) when (e.ErrorName == "org.freedesktop.DBus.Error.NameHasNoOwner")
        {
            // The caller left before the bus told us who it was.
        }
#pragma warning disable CA1031 // the one place a call's failure becomes its error reply; nothing a client sends may crash the daemon
        catch (Exception e)
#pragma warning restore CA1031
        {
            Refuse(context, e);
        }
        finally
        {
            try
            {
                context.Dispose();
            }
            catch (ObjectDisposedException)
            {
                // Our connection closed while the call ran.
            }
        }
    }

    private void Refuse(MethodContext context, Exception exception)
    {
        var (name, message, expected) = DBusErrors.From(exception);
        string member = context.Request.MemberAsString ?? "";
        string sender = context.Request.SenderAsString ?? "";
        if (expected)
        {
            BusLog.Refused(logger, member, sender, name, message);
        }
        else
        {
            BusLog.CallFailed(logger, exception, member, context.Request.PathAsString ?? "", sender);
        }

        if (!context.ReplySent && !context.NoReplyExpected)
        {
            try
            {
                context.ReplyError(name, message);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>Replies with nothing (a method without out arguments).</summary>
    protected static void ReplyEmpty(MethodContext context)
    {
        var writer = context.CreateReplyWriter(null);
        try
        {
            context.Reply(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Replies with one string or object path.</summary>
    protected static void ReplyString(MethodContext context, string signature, string value)
    {
        var writer = context.CreateReplyWriter(signature);
        try
        {
            if (signature == "o")
            {
                writer.WriteObjectPath(value);
            }
            else
            {
                writer.WriteString(value);
            }

            context.Reply(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Replies with a wire record as a{sv}, or a list of them as aa{sv}.</summary>
    protected static void ReplyRecord<T>(MethodContext context, T value, JsonTypeInfo<T> typeInfo)
    {
        var writer = context.CreateReplyWriter("a{sv}");
        try
        {
            DBusDictionaryWriter.Write(ref writer, value, typeInfo);
            context.Reply(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    protected static void ReplyRecords<T>(MethodContext context, IEnumerable<T> values, JsonTypeInfo<T> typeInfo)
    {
        var writer = context.CreateReplyWriter("aa{sv}");
        try
        {
            DBusDictionaryWriter.WriteList(ref writer, values, typeInfo);
            context.Reply(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Unknown on this object: the standard UnknownMethod error, naming the member and signature.</summary>
    protected static void ReplyUnknown(MethodContext context) => context.ReplyUnknownMethodError();

    protected static BusCallException NotSupportedHere(string what) => BusCallException.Of(ErrorCodes.Unsupported, what);

    /// <summary>Whether the call is addressed to <paramref name="interfaceName"/> (or names no interface, which D-Bus allows).</summary>
    protected static bool IsFor(MethodContext context, string interfaceName) =>
        context.Request.InterfaceAsString is null || context.Request.InterfaceAsString == interfaceName;

    protected static string TaskPath(string id) => DBusNames.TaskPath(id);
}

using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Errors;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Intents;

/// <summary>
/// The object an app exports for llmosd: <c>org.llmos.IntentHandler1.Handle</c>, its introspection, and an empty
/// property set. Only the current owner of <c>org.llmos.Daemon</c> may call Handle (any peer on the bus could try).
/// Each call runs the app's handler off the bus's read loop, so a slow handler delays nothing else.
/// </summary>
internal sealed class IntentHandlerObject(
    string path, Func<IntentHandlerRequest, CancellationToken, Task<IntentHandlerReply>> handle, NameOwnerWatcher daemonOwner) : IPathMethodHandler, IDisposable
{
    private const string DBusError = "org.freedesktop.DBus.Error.";
    private static readonly ReadOnlyMemory<byte> InterfaceXml = DBusInterfaces.InterfaceElement(DBusInterfaces.IntentHandler1);

    private readonly CancellationTokenSource _stopping = new();

    public string Path { get; } = path;

    public bool HandlesChildPaths => false;

    public ValueTask HandleMethodAsync(MethodContext context)
    {
        var request = context.Request;
        if (context.IsDBusIntrospectRequest)
        {
            context.ReplyIntrospectXml([InterfaceXml, IntrospectionXml.DBusProperties, IntrospectionXml.DBusIntrospectable, IntrospectionXml.DBusPeer]);
        }
        else if (context.IsPropertiesInterfaceRequest)
        {
            ReplyNoProperties(context);
        }
        else if (request.InterfaceAsString != DBusNames.IntentHandlerInterface || request.MemberAsString != "Handle")
        {
            context.ReplyUnknownMethodError();
        }
        else if (request.SignatureAsString != "sa{sv}s")
        {
            context.ReplyError(DBusError + "InvalidArgs", "Handle takes (s intent, a{sv} slots, s utterance)");
        }
        else if (!IsFromDaemon(request.SenderAsString))
        {
            context.ReplyError(DBusErrorNames.ForCode(ErrorCodes.Forbidden), "only llmosd (org.llmos.Daemon) may call Handle");
        }
        else
        {
            var reader = request.GetBodyReader();
            var handlerRequest = new IntentHandlerRequest(reader.ReadString(), SlotValueReader.Read(reader.ReadDictionaryOfStringToVariantValue()), reader.ReadString());
            context.DisposesAsynchronously = true;
            _ = RunAsync(context, handlerRequest);
        }

        return default;
    }

    /// <summary>Cancels the handlers still running (their callers get an error).</summary>
    public void Dispose() => _stopping.Cancel(); // not disposed: a handler starting at this moment may still link to it

    private bool IsFromDaemon(string? sender) =>
        sender is not null && daemonOwner.GetCurrentOwner() is { } owner && NameOwnerWatcher.GetOwnerBusName(owner) == sender;

    private async Task RunAsync(MethodContext context, IntentHandlerRequest request)
    {
        try
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            var reply = await Task.Run(() => handle(request, cancel.Token), cancel.Token).ConfigureAwait(false);
            Reply(context, reply);
        }
        catch (LlmosException e)
        {
            context.ReplyError(DBusErrorNames.ForCode(e.Code), e.Message);
        }
        catch (OperationCanceledException)
        {
            context.ReplyError(DBusErrorNames.ForCode(ErrorCodes.Cancelled), "the app's handler stopped before it answered");
        }
#pragma warning disable CA1031 // The app's handler may throw anything; the asker gets its message, the app keeps running.
        catch (Exception e)
#pragma warning restore CA1031
        {
            context.ReplyError(DBusErrorNames.ForCode(ErrorCodes.Internal), $"the app's handler failed: {e.Message}");
        }
        finally
        {
            context.Dispose();
        }
    }

    private static void Reply(MethodContext context, IntentHandlerReply reply)
    {
        using var action = ActionJson.ToDocument(reply.Action);
        var writer = context.CreateReplyWriter("sa{sv}");
        try
        {
            writer.WriteString(reply.Text);
            DBusDictionaryWriter.WriteJsonObject(ref writer, action.RootElement);
            context.Reply(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>IntentHandler1 has no properties: GetAll is empty, Get and Set name no property.</summary>
    private static void ReplyNoProperties(MethodContext context)
    {
        if (context.Request.MemberAsString != "GetAll")
        {
            context.ReplyError(DBusError + "UnknownProperty", "org.llmos.IntentHandler1 has no properties");
            return;
        }

        var writer = context.CreateReplyWriter("a{sv}");
        try
        {
            writer.WriteDictionaryEnd(writer.WriteDictionaryStart());
            context.Reply(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }
}

using LlmOs.Daemon.Security;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc.DBus;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// Every task as an object, <c>/org/llmos/Task/&lt;id&gt;</c> with <c>org.llmos.Task1</c>: one handler for the whole
/// subtree that looks tasks up in the task store, so an object exists exactly as long as the store remembers its task
/// (the socket's retention). Only the owner's uid and an administrator (root, or polkit's org.llmos.manage) may see one; to anyone else it answers NotFound, as the
/// socket answers 404.
/// </summary>
internal sealed class TaskObjects(BusPeers peers, TaskSignals signals, Scheduler scheduler, TaskStore store, TaskAccess taskAccess, ILogger<TaskObjects> logger)
    : BusObject(peers, logger)
{
    private static readonly InterfaceContract Contract = InterfaceContract.Parse(DBusInterfaces.Task1);
    private static readonly ReadOnlyMemory<byte> InterfaceXml = DBusInterfaces.InterfaceElement(DBusInterfaces.Task1);
    private static readonly string[] PropertyNames = ["Id", "Kind", "Model", "State", "Result", "Error"];

    public override string Path => DBusNames.TaskPathRoot;

    public override bool HandlesChildPaths => true;

    protected override async ValueTask DispatchAsync(MethodContext context)
    {
        string path = context.Request.PathAsString ?? "";
        if (path == DBusNames.TaskPathRoot)
        {
            await IntrospectRootAsync(context).ConfigureAwait(false);
            return;
        }

        if (DBusNames.TaskId(path) is not { } id)
        {
            throw new BusCallException(DBusErrors.UnknownObject, $"no object at {path}");
        }

        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var task = await taskAccess.FindAsync(id, caller.AsAdminCaller(), context.RequestAborted).ConfigureAwait(false)
            ?? throw DaemonObject.TaskNotFound(id);

        if (context.IsDBusIntrospectRequest)
        {
            context.ReplyIntrospectXml([InterfaceXml, IntrospectionXml.DBusProperties], ReadOnlySpan<string>.Empty);
            return;
        }

        if (context.IsPropertiesInterfaceRequest)
        {
            BusProperties.Handle(context, DBusNames.TaskInterface, PropertyNames, TaskSignalWriter.WriteProperty, task);
            return;
        }

        if (!IsFor(context, DBusNames.TaskInterface) || Contract.Find(context.Request.MemberAsString ?? "") is not { } method)
        {
            ReplyUnknown(context);
            return;
        }

        InterfaceContract.CheckArguments(method, context.Request.SignatureAsString);
        switch (method.Name)
        {
            case "Cancel":
                scheduler.Cancel(task);
                ReplyEmpty(context);
                return;
            case "Watch":
                // The reply first: signals that follow it are then known to come from a watched task. Following is atomic
                // with the caller's departure, so no forwarder keeps sending to a connection that has left.
                ReplyEmpty(context);
                caller.Peer.WhileHere(() => signals.Follow(task, context.Connection, caller.UniqueName, fromStart: false));
                return;
            default:
                ReplyUnknown(context);
                return;
        }
    }

    /// <summary>Introspecting <c>/org/llmos/Task</c> lists the caller's tasks (everyone's for root) as child nodes.</summary>
    private async ValueTask IntrospectRootAsync(MethodContext context)
    {
        if (!context.IsDBusIntrospectRequest)
        {
            ReplyUnknown(context);
            return;
        }

        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var children = store.List(caller.IsRoot ? null : caller.Uid).Select(t => t.Id).ToList();
        context.ReplyIntrospectXml(ReadOnlySpan<ReadOnlyMemory<byte>>.Empty, children);
    }
}

using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

internal sealed partial class DaemonObject
{
    /// <summary>The one option D-Bus adds to the socket's: keep the task running when the caller leaves the bus.</summary>
    private const string DetachOption = "detach";

    private const int MaxKindLength = 32;
    private const int MaxTaskIdLength = 64;

    /// <summary>Submit(s kind, a{sv} input, a{sv} options) → o: queues the task, answers its object, then signals it to the caller.</summary>
    private async ValueTask SubmitAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var (request, detach) = ReadSubmit(context.Request);
        var task = submitter.Submit(request, caller.Uid);
        if (!detach && !caller.Peer.Attach(task))
        {
            scheduler.Cancel(task); // the caller left while its call was on its way
        }

        // The reply goes out before the first signal, so the caller knows the task's path when its signals come.
        ReplyString(context, "o", TaskPath(task.Id));
        // Atomic with the caller's departure: a caller that leaves now is either not followed or removed by its Leave.
        caller.Peer.WhileHere(() => signals.Follow(task, context.Connection, caller.UniqueName, fromStart: true));
    }

    /// <summary>Generate(s prompt, a{sv} options) → s: the text once done; the task ends with the call or the caller.</summary>
    private async ValueTask GenerateAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var request = ReadGenerate(context.Request);
        var task = submitter.Submit(request, caller.Uid);
        if (!caller.Peer.Attach(task))
        {
            scheduler.Cancel(task);
        }

        try
        {
            await task.Finished.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            if (!task.IsFinished)
            {
                scheduler.Cancel(task);
            }
        }

        if (task.State != TaskState.Completed || task.Result is not { } result)
        {
            var error = task.Error ?? new TaskError(ErrorKind.Internal, "the task ended without a result");
            throw new EngineException(error.Kind, error.Message);
        }

        ReplyString(context, "s", result.Text);
    }

    /// <summary>GetTask(s id) → a{sv}: the caller's task (any for an administrator); another user's is NotFound, as on the socket.</summary>
    private async ValueTask GetTaskAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        string id = context.Request.GetBodyReader().ReadString();
        var task = await taskAccess.FindAsync(id, caller.AsAdminCaller(), context.RequestAborted).ConfigureAwait(false)
            ?? throw TaskNotFound(id);
        ReplyRecord(context, DtoMapper.ToDto(task), IpcJsonContext.Default.TaskDto);
    }

    /// <summary>ListTasks() → ao: the caller's tasks (everyone's for root), oldest first.</summary>
    private async ValueTask ListTasksAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var tasks = store.List(caller.IsRoot ? null : caller.Uid);
        var writer = context.CreateReplyWriter("ao");
        try
        {
            var array = writer.WriteArrayStart(DBusType.ObjectPath);
            foreach (var task in tasks)
            {
                writer.WriteObjectPath(TaskPath(task.Id));
            }

            writer.WriteArrayEnd(array);
            context.Reply(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    internal static BusCallException TaskNotFound(string id) => DBusErrors.NotFound(
        id.Length <= MaxTaskIdLength
            ? $"no task '{id}' (it may belong to another user, or it finished and was forgotten)"
            : "no such task (it may belong to another user, or it finished and was forgotten)");

    private (TaskSubmitRequest Request, bool Detach) ReadSubmit(Message message)
    {
        var reader = message.GetBodyReader();
        string kind = reader.ReadString();
        var input = BusInput.ReadDictionary(ref reader, "input");
        var options = BusInput.ReadDictionary(ref reader, "options");
        if (kind.Length > MaxKindLength)
        {
            throw new EngineException(ErrorKind.InvalidInput, "unknown task kind; known: generate, embed, intent, ask, classify, ocr, transcribe, voice, speak", "kind");
        }

        bool detach = false;
        if (options.Remove(DetachOption, out var value))
        {
            while (value.Type == VariantValueType.Variant)
            {
                value = value.GetVariantValue();
            }

            detach = value.Type == VariantValueType.Bool
                ? value.GetBool()
                : throw new EngineException(ErrorKind.InvalidInput, "'detach' is a boolean (b)", "options.detach");
        }

        // An image may come as bytes (ay) or as base64 text (s), as the socket's JSON has it; its base64 may take
        // MaxImageBytes beyond MaxRequestBytes, which an input without one keeps to.
        BusImages.BytesToBase64(input, "image");
        BusImages.BytesToBase64(input, "audio"); // a transcribe or voice task's audio, likewise
        long inputLimit = settings.MaxRequestBytes
            + (input.ContainsKey("image") ? ImageInput.Base64Length(settings.MaxImageBytes) : 0)
            + (input.ContainsKey("audio") ? ImageInput.Base64Length(settings.MaxAudioBytes) : 0);
        var taskInput = BusInput.Read(input, IpcJsonContext.Default.TaskInput, "input", inputLimit);
        var taskOptions = options.Count == 0 ? null : BusInput.Read(options, IpcJsonContext.Default.TaskOptions, "options", settings.MaxRequestBytes);
        return (new TaskSubmitRequest(kind, taskInput, taskOptions), detach);
    }

    private TaskSubmitRequest ReadGenerate(Message message)
    {
        var reader = message.GetBodyReader();
        string prompt = reader.ReadString();
        var options = BusInput.ReadDictionary(ref reader, "options");
        var taskOptions = options.Count == 0 ? null : BusInput.Read(options, IpcJsonContext.Default.TaskOptions, "options", settings.MaxRequestBytes);
        return new TaskSubmitRequest(TaskSubmitter.GenerateKind, new TaskInput(prompt), taskOptions);
    }
}

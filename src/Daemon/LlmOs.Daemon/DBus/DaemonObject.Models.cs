using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Ipc;
using LlmOs.Ipc.Models;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

internal sealed partial class DaemonObject
{
    private const int MaxNameLength = 256;
    private const int MaxPathLength = 4096;

    /// <summary>ListModels() → aa{sv}: the registry, as <c>GET /v1/models</c> lists it.</summary>
    private ValueTask ListModels(MethodContext context)
    {
        ReplyRecords(context, registry.List().Select(m => DtoMapper.ToDto(m, scheduler.StateOf(m))), IpcJsonContext.Default.ModelDto);
        return ValueTask.CompletedTask;
    }

    /// <summary>AddModel(s path, a{sv} options) → a{sv}: <c>POST /v1/models</c>, for administrators (root, the daemon's own user in user mode, or polkit's org.llmos.manage).</summary>
    private async ValueTask AddModelAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        await administrators.EnsureAsync(caller.AsAdminCaller(), "adding models", context.RequestAborted).ConfigureAwait(false);

        var request = ReadAddModel(context.Request);
        var entry = registry.Add(request.Path!, request.Name, request.Default, request.Labels);
        ReplyRecord(context, DtoMapper.ToDto(entry, scheduler.StateOf(entry)), IpcJsonContext.Default.ModelDto);
    }

    /// <summary>LoadModel(s name, a{sv} options) → a{sv}: <c>POST /v1/models/{name}/load</c>.</summary>
    private async ValueTask LoadModelAsync(MethodContext context)
    {
        var (name, request) = ReadLoadModel(context.Request);
        var keepAlive = KeepAliveValue.Parse(request.KeepAlive, "options.keep_alive");
        var model = await scheduler.LoadModelAsync(name, keepAlive, context.RequestAborted).ConfigureAwait(false);
        ReplyRecord(context, DtoMapper.ToDto(model), IpcJsonContext.Default.ResidentModelDto);
    }

    /// <summary>UnloadModel(s name) → a{sv}: <c>POST /v1/models/{name}/unload</c>.</summary>
    private async ValueTask UnloadModelAsync(MethodContext context)
    {
        string name = CheckName(context.Request.GetBodyReader().ReadString(), "name");
        bool unloaded = await scheduler.UnloadModelAsync(name, context.RequestAborted).ConfigureAwait(false);
        ReplyRecord(context, new UnloadModelResponse(name, unloaded), IpcJsonContext.Default.UnloadModelResponse);
    }

    /// <summary>GetResidentModels() → a{sv}: <c>GET /v1/ps</c>.</summary>
    private ValueTask GetResidentModels(MethodContext context)
    {
        ReplyRecord(context, status.Resident(), IpcJsonContext.Default.PsResponse);
        return ValueTask.CompletedTask;
    }

    /// <summary>GetStatus() → a{sv}: <c>GET /v1/status</c>, with the caller's usage.</summary>
    private async ValueTask GetStatusAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        ReplyRecord(context, status.Status(caller.Uid), IpcJsonContext.Default.StatusResponse);
    }

    /// <summary>GetCapabilities() → a{sv}: <c>GET /v1/capabilities</c>.</summary>
    private ValueTask GetCapabilities(MethodContext context)
    {
        ReplyRecord(context, capabilities.Report(), IpcJsonContext.Default.CapabilitiesResponse);
        return ValueTask.CompletedTask;
    }

    private AddModelRequest ReadAddModel(Message message)
    {
        var reader = message.GetBodyReader();
        string path = reader.ReadString();
        var options = BusInput.ReadDictionary(ref reader, "options");
        if (path.Length == 0 || path.Length > MaxPathLength)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"'path' must be a file path of 1 to {MaxPathLength} characters", "path");
        }

        if (options.ContainsKey("path"))
        {
            throw new EngineException(ErrorKind.InvalidInput, "the path is AddModel's first argument, not an option", "options.path");
        }

        var request = options.Count == 0 ? new AddModelRequest(path) : BusInput.Read(options, IpcJsonContext.Default.AddModelRequest, "options", settings.MaxRequestBytes);
        return request with { Path = path };
    }

    private (string Name, LoadModelRequest Request) ReadLoadModel(Message message)
    {
        var reader = message.GetBodyReader();
        string name = CheckName(reader.ReadString(), "name");
        var options = BusInput.ReadDictionary(ref reader, "options");
        var request = options.Count == 0 ? new LoadModelRequest() : BusInput.Read(options, IpcJsonContext.Default.LoadModelRequest, "options", settings.MaxRequestBytes);
        return (name, request);
    }

    private static string CheckName(string name, string field) =>
        name.Length is > 0 and <= MaxNameLength
            ? name
            : throw new EngineException(ErrorKind.InvalidInput, $"'{field}' must be a model name of 1 to {MaxNameLength} characters", field);
}

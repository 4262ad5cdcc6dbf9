using LlmOs.Ipc;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Models;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>The model registry and residency: Daemon1's ListModels, AddModel, GetResidentModels, LoadModel, UnloadModel.</summary>
public sealed partial class DBusTransport
{
    public async Task<ModelListResponse> ListModelsAsync(CancellationToken cancellationToken) =>
        new(await CallAsync(BusCall.Daemon("ListModels"), ReplyReaders.Records<ModelDto>, IpcJsonContext.Default.ModelDto, cancellationToken).ConfigureAwait(false));

    public Task<ModelDto> AddModelAsync(AddModelRequest request, CancellationToken cancellationToken) =>
        CallForRecordAsync(
            BusCall.Daemon("AddModel", "sa{sv}"),
            request,
            static (ref MessageWriter writer, AddModelRequest request) =>
            {
                writer.WriteString(request.Path ?? "");
                var options = writer.WriteDictionaryStart();
                if (request.Name is { } name)
                {
                    writer.WriteDictionaryEntryStart();
                    writer.WriteString("name");
                    writer.WriteVariantString(name);
                }

                if (request.Labels is { } labels)
                {
                    writer.WriteDictionaryEntryStart();
                    writer.WriteString("labels");
                    writer.WriteVariantString(labels);
                }

                writer.WriteDictionaryEntryStart();
                writer.WriteString("default");
                writer.WriteVariantBool(request.Default);
                writer.WriteDictionaryEnd(options);
            },
            IpcJsonContext.Default.ModelDto,
            cancellationToken);

    public Task<PsResponse> GetPsAsync(CancellationToken cancellationToken) =>
        CallForRecordAsync(BusCall.Daemon("GetResidentModels"), IpcJsonContext.Default.PsResponse, cancellationToken);

    public Task<ResidentModelDto> LoadModelAsync(string name, LoadModelRequest request, CancellationToken cancellationToken) =>
        CallForRecordAsync(
            BusCall.Daemon("LoadModel", "sa{sv}"),
            (name, request),
            static (ref MessageWriter writer, (string Name, LoadModelRequest Request) arguments) =>
            {
                writer.WriteString(arguments.Name);
                DBusDictionaryWriter.Write(ref writer, arguments.Request, IpcJsonContext.Default.LoadModelRequest);
            },
            IpcJsonContext.Default.ResidentModelDto,
            cancellationToken);

    public Task<UnloadModelResponse> UnloadModelAsync(string name, CancellationToken cancellationToken) =>
        CallForRecordAsync(
            BusCall.Daemon("UnloadModel", "s"),
            name,
            static (ref MessageWriter writer, string name) => writer.WriteString(name),
            IpcJsonContext.Default.UnloadModelResponse,
            cancellationToken);
}

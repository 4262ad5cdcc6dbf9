using System.Text.Json;
using LlmOs.Ipc.Models;

namespace LlmOs.Client;

public sealed partial class LlmosClient
{
    /// <summary>The loaded models, the memory budget and the GPUs (<c>llmosctl ps</c>).</summary>
    public Task<PsResponse> PsAsync(CancellationToken cancellationToken = default) => Transport.GetPsAsync(cancellationToken);

    /// <summary>Loads a model now; <paramref name="keepAlive"/> is how long it stays once idle (null: the daemon's default, negative: for good).</summary>
    public Task<ResidentModelDto> LoadModelAsync(string name, TimeSpan? keepAlive = null, CancellationToken cancellationToken = default) =>
        Transport.LoadModelAsync(
            name,
            new LoadModelRequest(keepAlive is { } k ? JsonSerializer.SerializeToElement(k < TimeSpan.Zero ? -1 : k.TotalSeconds) : null),
            cancellationToken);

    /// <summary>Unloads a model as soon as nothing runs on it; false when it was not loaded.</summary>
    public async Task<bool> UnloadModelAsync(string name, CancellationToken cancellationToken = default) =>
        (await Transport.UnloadModelAsync(name, cancellationToken).ConfigureAwait(false)).Unloaded;
}

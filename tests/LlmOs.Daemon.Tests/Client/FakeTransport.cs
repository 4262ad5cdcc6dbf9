using System.Text;
using System.Text.Json;
using LlmOs.Client;
using LlmOs.Ipc.Health;
using LlmOs.Ipc.Models;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Tests.Client;

/// <summary>A transport that records what the client POSTs and answers with a canned body; everything else is not used.</summary>
internal sealed class FakeTransport(string answer) : ILlmosTransport
{
    public List<(string Path, JsonElement Body)> Posts { get; } = [];

    public Task<Stream> PostJsonAsync(string path, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        Posts.Add((path, JsonDocument.Parse(json).RootElement.Clone()));
        return Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(answer)));
    }

    public Task<HealthResponse> GetHealthAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StatusResponse> GetStatusAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ModelListResponse> ListModelsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ModelDto> AddModelAsync(AddModelRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TaskDto> SubmitAsync(TaskSubmitRequest request, bool wait, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<TaskStreamEvent> SubmitStreamingAsync(TaskSubmitRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TaskDto> GetTaskAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TaskListResponse> ListTasksAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TaskDto> CancelTaskAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<TaskStreamEvent> FollowTaskAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}

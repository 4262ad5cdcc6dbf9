using System.Runtime.CompilerServices;
using LlmOs.Client.Transport;
using LlmOs.Ipc;
using LlmOs.Ipc.Errors;
using LlmOs.Ipc.Health;
using LlmOs.Ipc.Models;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Client;

/// <summary>
/// The llmos client API. Every call takes a <see cref="CancellationToken"/>; cancelling one that
/// runs a task also cancels that task on the daemon, so an abandoned request never keeps the model busy.
/// </summary>
public sealed partial class LlmosClient(ILlmosTransport transport) : IDisposable
{
    public ILlmosTransport Transport { get; } = transport;

    /// <summary>A client for the daemon's socket: <paramref name="socketPath"/>, else <c>$LLMOSD_SOCKET</c>, else the user's socket if it exists, else the system's.</summary>
    public static LlmosClient ForSocket(string? socketPath = null) => new(new UnixSocketTransport(socketPath ?? DefaultSocketPath()));

    public static string DefaultSocketPath()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(SocketPaths.EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        // The system socket's folder (/run/llmosd, mode 0750) is checked rather than the socket itself, which only members
        // of group llmos can see: someone outside the group is then told "permission denied … llmos group", not
        // that no user-mode daemon runs.
        string user = SocketPaths.User();
        return File.Exists(user) || !Directory.Exists(Path.GetDirectoryName(SocketPaths.System)) ? user : SocketPaths.System;
    }

    public Task<HealthResponse> HealthAsync(CancellationToken cancellationToken = default) => Transport.GetHealthAsync(cancellationToken);

    public Task<StatusResponse> StatusAsync(CancellationToken cancellationToken = default) => Transport.GetStatusAsync(cancellationToken);

    public Task<ModelListResponse> ListModelsAsync(CancellationToken cancellationToken = default) => Transport.ListModelsAsync(cancellationToken);

    /// <summary>
    /// Registers the model file at <paramref name="path"/> (a path llmosd can read) under <paramref name="name"/> (default:
    /// the file's name). An ONNX image classifier needs its <paramref name="labels"/>: a <c>.json</c> array of strings or a
    /// <c>.txt</c> file with one label per line, in the model's output order.
    /// </summary>
    public Task<ModelDto> AddModelAsync(string path, string? name = null, bool makeDefault = false, string? labels = null, CancellationToken cancellationToken = default) =>
        Transport.AddModelAsync(new AddModelRequest(path, name, makeDefault, labels), cancellationToken);

    public Task<TaskDto> GetTaskAsync(string id, CancellationToken cancellationToken = default) => Transport.GetTaskAsync(id, cancellationToken);

    public async Task<IReadOnlyList<TaskDto>> ListTasksAsync(CancellationToken cancellationToken = default) =>
        (await Transport.ListTasksAsync(cancellationToken).ConfigureAwait(false)).Tasks;

    public Task<TaskDto> CancelAsync(string id, CancellationToken cancellationToken = default) => Transport.CancelTaskAsync(id, cancellationToken);

    /// <summary>Queues a generation and returns at once with the queued task.</summary>
    public Task<TaskDto> SubmitGenerateAsync(string prompt, TaskOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SubmitAsync(Generate(prompt, options), wait: false, cancellationToken);

    /// <summary>Generates and returns the finished task. A failed task throws <see cref="LlmosException"/> with its code.</summary>
    public async Task<TaskDto> GenerateAsync(string prompt, TaskOptions? options = null, CancellationToken cancellationToken = default)
    {
        var task = await SubmitGenerateAsync(prompt, options, cancellationToken).ConfigureAwait(false);
        return ThrowIfFailed(await WaitAsync(task.Id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Waits for a task to finish and returns it as it ended; cancelling the token cancels the task.</summary>
    public async Task<TaskDto> WaitAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var taskEvent in Transport.FollowTaskAsync(id, cancellationToken).ConfigureAwait(false))
            {
                if (taskEvent.IsFinal && taskEvent.Data.Task is { } finished)
                {
                    return finished;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CancelQuietlyAsync(id).ConfigureAwait(false);
            throw;
        }

        return await Transport.GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Generates and streams every event (queued, started, deltas, the final one). Stopping early cancels the task.</summary>
    public async IAsyncEnumerable<TaskStreamEvent> StreamAsync(string prompt, TaskOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? id = null;
        bool finished = false;
        try
        {
            await foreach (var taskEvent in Transport.SubmitStreamingAsync(Generate(prompt, options), cancellationToken).ConfigureAwait(false))
            {
                id ??= taskEvent.Data.TaskId;
                finished = taskEvent.IsFinal;
                yield return taskEvent;
            }
        }
        finally
        {
            // Closing the stream already cancels the task; saying so explicitly makes it immediate.
            if (!finished && id is not null)
            {
                await CancelQuietlyAsync(id).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Generates and streams only the text. A failed task throws <see cref="LlmosException"/> after the text it produced.</summary>
    public async IAsyncEnumerable<string> StreamTextAsync(string prompt, TaskOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var taskEvent in StreamAsync(prompt, options, cancellationToken).ConfigureAwait(false))
        {
            if (taskEvent.Name == TaskEventNames.Delta && taskEvent.Data.Text is { } text)
            {
                yield return text;
            }
            else if (taskEvent.IsFinal && taskEvent.Data.Task is { } task)
            {
                ThrowIfFailed(task);
            }
        }
    }

    public void Dispose() => Transport.Dispose();

    private static TaskSubmitRequest Generate(string prompt, TaskOptions? options) =>
        new("generate", new TaskInput(prompt), options);

    private static TaskDto ThrowIfFailed(TaskDto task) => task.State switch
    {
        TaskStates.Failed => throw new LlmosException(task.Error?.Code ?? ErrorCodes.Internal, task.Error?.Message ?? "the task failed"),
        TaskStates.Cancelled => throw new LlmosException(ErrorCodes.Cancelled, task.Error?.Message ?? "the task was cancelled"),
        _ => task,
    };

    private async Task CancelQuietlyAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await Transport.CancelTaskAsync(id, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is LlmosException or OperationCanceledException or HttpRequestException)
        {
            // Best effort: the daemon also cancels when our connection closes.
        }
    }
}

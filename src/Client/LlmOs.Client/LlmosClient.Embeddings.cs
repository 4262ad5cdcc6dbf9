using LlmOs.Ipc.Errors;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Client;

public sealed partial class LlmosClient
{
    /// <summary>
    /// Embeds <paramref name="texts"/> with <paramref name="model"/> (null: the daemon's default embedding model) as one
    /// <c>embed</c> task and returns one vector per text. Cancelling the token cancels the task on the daemon.
    /// A refusal or a failed task throws <see cref="LlmosException"/> with its code.
    /// </summary>
    public async Task<EmbeddingsResult> EmbedAsync(IReadOnlyList<string> texts, string? model = null, CancellationToken cancellationToken = default)
    {
        var task = await EmbedTaskAsync(texts, model, cancellationToken).ConfigureAwait(false);
        var vectors = task.Result?.Embeddings ?? throw new LlmosException(ErrorCodes.Internal, $"task {task.Id} completed without vectors");
        return new EmbeddingsResult(task.Id, task.Model, vectors, task.Result.Tokens);
    }

    /// <summary>The same as <see cref="EmbedAsync"/>, returning the finished task as the daemon describes it.</summary>
    public async Task<TaskDto> EmbedTaskAsync(IReadOnlyList<string> texts, string? model = null, CancellationToken cancellationToken = default)
    {
        var request = new TaskSubmitRequest("embed", new TaskInput(null, texts), model is null ? null : new TaskOptions(model));

        // ?wait=true: one round trip; the daemon cancels the task if this connection closes (our token cancelled).
        return ThrowIfFailed(await Transport.SubmitAsync(request, wait: true, cancellationToken).ConfigureAwait(false));
    }
}

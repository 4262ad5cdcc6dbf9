namespace LlmOs.Engine.Embeddings;

/// <summary>A loaded embedding model. Takes a whole batch of texts at once; the engine gathers concurrent requests into one batch.</summary>
public interface IEmbeddingModel : IAsyncDisposable
{
    int Dimensions { get; }

    /// <summary>Bytes of memory the loaded model holds, for the residency budget.</summary>
    long MemoryBytes { get; }

    /// <summary>One L2-normalised vector per text, in order.</summary>
    Task<EmbeddingResult> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}

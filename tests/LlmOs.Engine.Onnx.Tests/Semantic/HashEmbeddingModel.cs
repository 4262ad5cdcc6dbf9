using System.Collections.Concurrent;
using LlmOs.Engine.Embeddings;

namespace LlmOs.Engine.Onnx.Tests.Semantic;

/// <summary>Vectors of word hashes (a bag of words), of a given length; records the texts it embedded.</summary>
internal sealed class HashEmbeddingModel(int dimensions) : IEmbeddingModel
{
    public ConcurrentQueue<string> Texts { get; } = new();

    public int Dimensions => dimensions;

    public long MemoryBytes => 1000;

    public Task<EmbeddingResult> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>(texts.Count);
        foreach (string text in texts)
        {
            Texts.Enqueue(text);
            float[] vector = new float[dimensions];
            foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                vector[(int)((uint)StableHash(word) % (uint)dimensions)] += 1;
            }

            vectors.Add(vector);
        }

        return Task.FromResult(new EmbeddingResult(vectors, texts.Count));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static int StableHash(string word)
    {
        int hash = 17;
        foreach (char c in word)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}

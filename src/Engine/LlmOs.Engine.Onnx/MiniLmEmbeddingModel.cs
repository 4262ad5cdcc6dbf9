using System.Buffers;
using System.Text;
using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Errors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace LlmOs.Engine.Onnx;

/// <summary>
/// all-MiniLM-L6-v2 in an ONNX Runtime session: BERT WordPiece tokens in, mean of the last hidden states over the
/// attention mask out, L2-normalised, 384 dimensions (what sentence-transformers computes for this model).
/// A call's texts are sorted by length and run in padded batches, so one batch pads little.
/// </summary>
internal sealed partial class MiniLmEmbeddingModel(InferenceSession session, BertTokenizer tokenizer, long modelBytes) : IEmbeddingModel
{
    /// <summary>
    /// Tokens per text, [CLS] and [SEP] included; longer texts are cut. sentence-transformers' max_seq_length for this
    /// model: its position table holds 512 (513 fails in ONNX Runtime), but it was trained on 128 and is used at 256.
    /// </summary>
    public const int MaxTokens = 256;

    /// <summary>Texts in one session run at most.</summary>
    public const int MaxRunTexts = 32;

    /// <summary>
    /// Padded tokens (texts × longest) in one session run at most. Throughput per token is flat beyond this (about
    /// 3,000 tokens/s on one core here), while the activation memory ONNX Runtime's arena keeps grows with it.
    /// </summary>
    public const int MaxRunTokens = 2048;

    public int Dimensions => 384;

    /// <summary>
    /// The weights as ONNX Runtime holds them (about 1.4 times the file, pre-packed) plus room for the activations of
    /// the largest run, which its arena keeps once reached. Measured in llmosd: 137 MB more resident after the load,
    /// 50 to 115 MB more after runs of <see cref="MaxRunTokens"/> tokens; this says 255 MB.
    /// </summary>
    public long MemoryBytes => (modelBytes * 7 / 5) + (128L << 20);

    public Task<EmbeddingResult> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        Task.Run(() => Embed(texts, cancellationToken), cancellationToken);

    public ValueTask DisposeAsync()
    {
        session.Dispose();
        return ValueTask.CompletedTask;
    }

    private EmbeddingResult Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var ids = new IReadOnlyList<int>[texts.Count];
        var counts = new int[texts.Count];
        for (int i = 0; i < texts.Count; i++)
        {
            ids[i] = Tokenize(texts[i], i);
            counts[i] = ids[i].Count;
        }

        // Shortest first: neighbours in a run have similar lengths, so little of each run is padding.
        int[] order = [.. Enumerable.Range(0, texts.Count).OrderBy(i => counts[i])];
        var vectors = new float[texts.Count][];
        using var runOptions = new RunOptions();
        using (cancellationToken.Register(() => runOptions.Terminate = true))
        {
            int start = 0;
            while (start < order.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int end = start + 1;
                while (end < order.Length && end - start < MaxRunTexts && (end - start + 1) * counts[order[end]] <= MaxRunTokens)
                {
                    end++;
                }

                Run(order.AsSpan(start, end - start), ids, counts[order[end - 1]], vectors, runOptions, cancellationToken);
                start = end;
            }
        }

        return new EmbeddingResult(vectors, counts.Sum()) { TokenCounts = counts };
    }

    private IReadOnlyList<int> Tokenize(string text, int index)
    {
        if (text.Length == 0)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"text {index} is empty", "input");
        }

        if (text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') && !IsWellFormed(text))
        {
            throw new EngineException(ErrorKind.InvalidInput, $"text {index} is not valid Unicode (it holds a lone surrogate)", "input");
        }

        return tokenizer.EncodeToIds(LatinAccents.Fold(text), MaxTokens, addSpecialTokens: true, out _, out _);
    }

    private static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out _, out int used) != OperationStatus.Done)
            {
                return false;
            }

            text = text[used..];
        }

        return true;
    }
}

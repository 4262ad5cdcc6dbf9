using LLama;
using LLama.Native;
using LLama.Sampling;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;

namespace LlmOs.Engine.Llama;

/// <summary>
/// One loaded GGUF model with one context, reused by each generation in turn (its memory is
/// cleared in between). The token loop runs on a thread of its own so that a long generation
/// never holds a thread-pool thread that the socket server needs.
/// </summary>
internal sealed class LlamaTextModel(LLamaWeights weights, LLamaContext context, int batchSize) : ITextModel
{
    public Task<GenerationEnd> GenerateAsync(string prompt, GenerationOptions options, Func<string, bool> onPiece, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => Generate(prompt, options, onPiece, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    private GenerationEnd Generate(string prompt, GenerationOptions options, Func<string, bool> onPiece, CancellationToken cancellationToken)
    {
        int contextSize = (int)context.ContextSize;
        var tokens = context.Tokenize(prompt, addBos: true, special: false);
        if (tokens.Length >= contextSize)
        {
            throw new EngineException(ErrorKind.TooLarge, $"the prompt is {tokens.Length} tokens; this model's context holds {contextSize}", "input.prompt");
        }

        context.NativeHandle.MemoryClear();
        using var sampler = new DefaultSamplingPipeline
        {
            Temperature = options.Temperature,
            TopP = options.TopP,
            Seed = options.Seed ?? (uint)Random.Shared.Next(),
        };
        var batch = new LLamaBatch();
        var decoder = new StreamingTokenDecoder(context);

        // The prompt, in chunks of at most one batch; logits only for its last token.
        for (int start = 0; start < tokens.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Clear();
            int end = Math.Min(start + batchSize, tokens.Length);
            for (int i = start; i < end; i++)
            {
                batch.Add(tokens[i], i, LLamaSeqId.Zero, i == tokens.Length - 1);
            }

            Decode(batch);
        }

        int position = tokens.Length;
        int produced = 0;
        while (produced < options.MaxTokens)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = sampler.Sample(context.NativeHandle, batch.TokenCount - 1);
            if (token.IsEndOfGeneration(weights.Vocab))
            {
                return new GenerationEnd(produced, FinishReason.Stop);
            }

            produced++;
            decoder.Add(token);
            if (!onPiece(decoder.Read()))
            {
                return new GenerationEnd(produced, FinishReason.Stop);
            }

            if (position >= contextSize)
            {
                break; // the context window is full
            }

            batch.Clear();
            batch.Add(token, position++, LLamaSeqId.Zero, true);
            Decode(batch);
        }

        return new GenerationEnd(produced, FinishReason.Length);
    }

    private void Decode(LLamaBatch batch)
    {
        var result = context.Decode(batch);
        if (result != DecodeResult.Ok)
        {
            throw new EngineException(ErrorKind.Internal, $"llama.cpp could not decode ({result})");
        }
    }

    public ValueTask DisposeAsync()
    {
        context.Dispose();
        weights.Dispose();
        return ValueTask.CompletedTask;
    }
}

using LLama;
using LLama.Native;
using LLama.Sampling;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;

namespace LlmOs.Engine.Llama;

/// <summary>
/// One loaded GGUF model with one llama.cpp context shared by up to <see cref="MaxSequences"/> generations.
/// Each step puts every open sequence into one batch (a prompt chunk for newcomers, one token for the rest)
/// and decodes it with a single llama.cpp call. Built on LLamaSharp's <see cref="LLamaBatch"/> rather than its
/// BatchedExecutor: the scheduler needs to bound prompt chunks per step and to free a sequence's cache the
/// moment it ends, which the plain batch API states directly.
/// </summary>
internal sealed class LlamaTextModel(LLamaWeights weights, LLamaContext context, int sequences, int contextPerSequence, int promptChunk) : ITextModel
{
    private readonly LLamaBatch _batch = new();
    private readonly Stack<int> _freeSlots = new(Enumerable.Range(0, sequences).Reverse());

    public int MaxSequences => sequences;

    public int ContextPerSequence => contextPerSequence;

    public ITextSequence Open(string prompt, GenerationOptions options)
    {
        // special: true, as llama-server does: a prompt rendered from a chat template carries its markers (<|im_start|> …) as text.
        var tokens = context.Tokenize(prompt, addBos: true, special: true);
        if (tokens.Length >= contextPerSequence)
        {
            throw new EngineException(ErrorKind.TooLarge, $"the prompt is {tokens.Length} tokens; this model's context holds {contextPerSequence}", "input.prompt");
        }

        if (!_freeSlots.TryPop(out int slot))
        {
            throw new InvalidOperationException($"all {sequences} sequences are in use");
        }

        var sampler = new DefaultSamplingPipeline
        {
            Temperature = options.Temperature,
            TopP = options.TopP,
            Seed = options.Seed ?? (uint)Random.Shared.Next(),
            Grammar = options.Grammar is null ? null : new Grammar(options.Grammar, "root"),
        };
        var id = (LLamaSeqId)slot;
        context.NativeHandle.MemorySequenceRemove(id, -1, -1);
        return new LlamaSequence(this, id, tokens, sampler, new StreamingTokenDecoder(context));
    }

    public void Advance(IReadOnlyList<ITextSequence> open)
    {
        _batch.Clear();
        int promptBudget = promptChunk;
        foreach (LlamaSequence sequence in open)
        {
            sequence.Piece = null;
            sequence.LogitsIndex = -1;
            if (sequence.Ended is not null)
            {
                continue;
            }

            if (sequence.IsReadingPrompt)
            {
                // Newcomers share one bounded chunk per step, so the others' next token is never held up for long.
                int take = Math.Min(promptBudget, sequence.Prompt.Length - sequence.PromptRead);
                for (int i = 0; i < take; i++)
                {
                    bool last = sequence.PromptRead + 1 == sequence.Prompt.Length;
                    int index = _batch.Add(sequence.Prompt[sequence.PromptRead], sequence.Position++, sequence.Id, last);
                    sequence.PromptRead++;
                    sequence.LogitsIndex = last ? index : -1;
                }

                promptBudget -= take;
            }
            else if (sequence.Pending is { } token)
            {
                sequence.LogitsIndex = _batch.Add(token, sequence.Position++, sequence.Id, true);
            }
        }

        if (_batch.TokenCount == 0)
        {
            return;
        }

        var result = context.Decode(_batch);
        if (result != DecodeResult.Ok)
        {
            throw new EngineException(ErrorKind.Internal, $"llama.cpp could not decode ({result})");
        }

        foreach (LlamaSequence sequence in open)
        {
            if (sequence.LogitsIndex >= 0)
            {
                Sample(sequence);
            }
        }
    }

    private void Sample(LlamaSequence sequence)
    {
        var token = sequence.Sampler.Sample(context.NativeHandle, sequence.LogitsIndex);
        if (token.IsEndOfGeneration(weights.Vocab))
        {
            sequence.Ended = FinishReason.Stop;
            return;
        }

        sequence.Decoder.Add(token);
        sequence.Piece = sequence.Decoder.Read();
        sequence.Pending = token;
        if (sequence.Position >= contextPerSequence)
        {
            sequence.Ended = FinishReason.Length; // this token is the last that fits
        }
    }

    internal void Release(LlamaSequence sequence)
    {
        context.NativeHandle.MemorySequenceRemove(sequence.Id, -1, -1);
        _freeSlots.Push((int)sequence.Id);
    }

    public ValueTask DisposeAsync()
    {
        context.Dispose();
        weights.Dispose();
        return ValueTask.CompletedTask;
    }
}

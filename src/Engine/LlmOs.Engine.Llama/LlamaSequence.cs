using LLama;
using LLama.Native;
using LLama.Sampling;
using LlmOs.Engine.Generation;

namespace LlmOs.Engine.Llama;

/// <summary>
/// One generation in a <see cref="LlamaTextModel"/>: its slot (llama.cpp sequence id), its prompt still to read,
/// its place in the cache, its own sampler (temperature, seed, grammar) and its text decoder.
/// </summary>
internal sealed class LlamaSequence(LlamaTextModel owner, LLamaSeqId id, LLamaToken[] prompt, DefaultSamplingPipeline sampler, StreamingTokenDecoder decoder)
    : ITextSequence
{
    private bool _disposed;

    public LLamaSeqId Id { get; } = id;

    public LLamaToken[] Prompt { get; } = prompt;

    public DefaultSamplingPipeline Sampler { get; } = sampler;

    public StreamingTokenDecoder Decoder { get; } = decoder;

    /// <summary>How much of the prompt is in the cache.</summary>
    public int PromptRead { get; set; }

    /// <summary>The cache position the next token goes to.</summary>
    public int Position { get; set; }

    /// <summary>The last sampled token, to be decoded in the next step.</summary>
    public LLamaToken? Pending { get; set; }

    /// <summary>Where this sequence's logits are in the current batch, or -1 when it has none this step.</summary>
    public int LogitsIndex { get; set; } = -1;

    public bool IsReadingPrompt => PromptRead < Prompt.Length;

    public int PromptTokens => Prompt.Length;

    public string? Piece { get; set; }

    public FinishReason? Ended { get; set; }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Sampler.Dispose();
        owner.Release(this);
    }
}

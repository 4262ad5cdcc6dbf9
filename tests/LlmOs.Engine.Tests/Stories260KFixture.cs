using System.Text;
using LLama;
using LLama.Common;
using LLama.Native;
using LLama.Sampling;

namespace LlmOs.Engine.Tests;

/// <summary>
/// stories260K loaded once through LLamaSharp, with a plain token loop that samples under a GBNF grammar:
/// the same llama.cpp grammar sampler the backend uses, so a grammar that does not parse or does not end fails here.
/// </summary>
public sealed class Stories260KFixture : IDisposable
{
    private readonly LLamaWeights _weights;
    private readonly LLamaContext _context;
    private readonly Lock _gate = new();

    public Stories260KFixture()
    {
        var parameters = new ModelParams(TestModels.Stories260K) { ContextSize = 2048, GpuLayerCount = 0, Threads = 1, BatchSize = 512 };
        _weights = LLamaWeights.LoadFromFile(parameters);
        _context = _weights.CreateContext(parameters);
    }

    /// <summary>What the model writes after a short prompt, every token kept to <paramref name="gbnf"/>; null if max_tokens ran out first.</summary>
    public string? Generate(string gbnf, uint seed, int maxTokens = 1500)
    {
        lock (_gate)
        {
            _context.NativeHandle.MemoryClear();
            using var sampler = new DefaultSamplingPipeline { Grammar = new Grammar(gbnf, "root"), Temperature = 0.7f, Seed = seed };
            var tokens = _context.Tokenize("Once upon a time", addBos: true, special: false);
            var batch = new LLamaBatch();
            for (int i = 0; i < tokens.Length; i++)
            {
                batch.Add(tokens[i], i, LLamaSeqId.Zero, i == tokens.Length - 1);
            }

            Decode(batch);
            var decoder = new StreamingTokenDecoder(_context);
            var text = new StringBuilder();
            for (int position = tokens.Length; position < tokens.Length + maxTokens; position++)
            {
                var token = sampler.Sample(_context.NativeHandle, batch.TokenCount - 1);
                if (token.IsEndOfGeneration(_weights.Vocab))
                {
                    return text.ToString();
                }

                decoder.Add(token);
                text.Append(decoder.Read());
                batch.Clear();
                batch.Add(token, position, LLamaSeqId.Zero, true);
                Decode(batch);
            }

            return null;
        }
    }

    private void Decode(LLamaBatch batch)
    {
        var result = _context.Decode(batch);
        Assert.Equal(DecodeResult.Ok, result);
    }

    public void Dispose()
    {
        _context.Dispose();
        _weights.Dispose();
    }
}

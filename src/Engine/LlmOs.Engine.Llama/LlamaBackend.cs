using LLama;
using LLama.Common;
using LLama.Native;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Models;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Llama;

/// <summary>Loads GGUF models with llama.cpp (through LLamaSharp), on the CPU.</summary>
public sealed class LlamaBackend : ITextBackend
{
    private readonly LlamaOptions _options;

    public LlamaBackend(LlamaOptions options, ILogger<LlamaBackend> logger)
    {
        _options = options;
        LlamaNativeLog.Configure(logger);
    }

    /// <summary>
    /// One core less than the machine has (at least one): llama.cpp's workers spin-wait on each other, and
    /// when one loses its core to the socket server or another process every token stalls (bench/ showed
    /// 2 threads on 2 busy cores far slower than 1).
    /// </summary>
    public static int DefaultThreads => Math.Max(1, Environment.ProcessorCount - 1);

    public string RenderChat(ModelEntry model, IReadOnlyList<ChatTurn> turns) =>
        LlamaChatTemplate.Render(model.Metadata?.ChatTemplate, turns);

    public bool SupportsGpuOffload => NativeApi.llama_supports_gpu_offload();

    public async Task<ITextModel> LoadAsync(ModelEntry model, TextModelSettings settings, CancellationToken cancellationToken)
    {
        var parameters = new ModelParams(model.Path)
        {
            // One cache stream per sequence (not unified), each the full per-sequence context.
            ContextSize = (uint)(settings.ContextPerSequence * settings.Sequences),
            SeqMax = (uint)settings.Sequences,
            KVUnified = false,
            GpuLayerCount = settings.GpuLayers,
            Threads = _options.Threads > 0 ? _options.Threads : DefaultThreads,
            BatchSize = (uint)(_options.PromptChunk + settings.Sequences),

            // llama.cpp turns flash attention on by itself; on the CPU it cost 2.5 times the CPU per token of plain
            // attention with stories260K (bench/, perf: flash_attn_ext, vec_dot_f16, expf) for the same text. On with a GPU.
            FlashAttention = settings.GpuLayers > 0,
        };

        var weights = await LLamaWeights.LoadFromFileAsync(parameters, cancellationToken).ConfigureAwait(false);
        try
        {
            return new LlamaTextModel(weights, weights.CreateContext(parameters), settings.Sequences, settings.ContextPerSequence, _options.PromptChunk);
        }
        catch
        {
            weights.Dispose();
            throw;
        }
    }
}

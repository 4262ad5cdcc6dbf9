using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Slots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Understanding.Semantic;

/// <summary>
/// The nearest intent by sentence embeddings: every example of the catalog is embedded once with the default
/// embedding model (the built-in MiniLM, shared through the scheduler with every other embedding request), the
/// utterance is embedded per call, and each intent scores its examples' best cosine similarity. The similarity
/// is mapped to a confidence so that <see cref="AcceptAt"/> is exactly the calibrated <see cref="Threshold"/>.
/// Without an embedding model it gives no candidates, and says so once in the log.
/// </summary>
public sealed partial class SemanticRecognizer(Scheduler scheduler, ILogger<SemanticRecognizer>? logger = null) : IIntentRecognizer
{
    /// <summary>
    /// The cosine similarity at which the nearest intent is taken: the threshold of best accuracy found by
    /// <see cref="SemanticCalibration"/> on real MiniLM vectors of 144 hand-written English examples of the 18 built-in
    /// intents (each left out and matched against the others) and 30 out-of-domain sentences (the 10 chat examples
    /// and 20 more), all in tests/LlmOs.Engine.Onnx.Tests/Semantic/EnglishExamples.cs. Figures at 0.30 with
    /// <see cref="SimilarityAggregation.MeanOfTopTwo"/>: accuracy 86.8 %; nearest intent right for 129 of 144,
    /// 127 accepted right, 15 accepted wrong; 24 of 30 out-of-domain rejected. Accuracy falls to 83.9 % at 0.35-0.40,
    /// 74.7 % at 0.50, 66.7 % at 0.60. <see cref="SimilarityAggregation.Max"/> did worse: 81.6 % at its best (0.315).
    /// Made by: <c>dotnet test tests/LlmOs.Engine.Onnx.Tests --filter SemanticCalibrationTests --logger "console;verbosity=detailed"</c>
    /// (which also prints the figures for the shipped English pack, to re-check this constant against).
    /// </summary>
    public const float Threshold = 0.30f;

    /// <summary>How intents are scored from their examples: the mean of the two nearest beat the nearest alone (see <see cref="Threshold"/>).</summary>
    public const SimilarityAggregation Aggregation = SimilarityAggregation.MeanOfTopTwo;

    /// <summary>The confidence <see cref="Threshold"/> maps to.</summary>
    public const double AcceptConfidence = 0.6;

    /// <summary>At most this many candidates are returned.</summary>
    public const int MaxCandidates = 5;

    private readonly ILogger _logger = logger ?? NullLogger<SemanticRecognizer>.Instance;

    public string Name => "semantic";

    public double AcceptAt => AcceptConfidence;

    public Scheduler Scheduler => scheduler;

    /// <summary>
    /// A similarity as a confidence: linear from 0 (similarity 0 or less) to <see cref="AcceptConfidence"/> at the
    /// threshold, then linear up to 1 at similarity 1, so that ordering is kept and the threshold is the stage's bar.
    /// </summary>
    public static double ConfidenceOf(float similarity)
    {
        if (similarity <= 0)
        {
            return 0;
        }

        return similarity < Threshold
            ? AcceptConfidence * similarity / Threshold
            : Math.Min(1, AcceptConfidence + ((1 - AcceptConfidence) * (similarity - Threshold) / (1 - Threshold)));
    }

    public async ValueTask<IReadOnlyList<IntentCandidate>> RecognizeAsync(RecognitionContext context, CancellationToken cancellationToken)
    {
        string text = context.Utterance.Text.Trim();
        if (text.Length == 0 || context.Catalog.Intents.Count == 0)
        {
            return [];
        }

        try
        {
            // The utterance first: its task says which model is the default now, and the index must be of that model.
            var (model, vectors) = await EmbedAsync(context.CallerUid, [text], model: null, TaskPriority.Interactive, cancellationToken).ConfigureAwait(false);
            var index = await IndexAsync(context.Catalog, model, TaskPriority.Interactive).WaitAsync(cancellationToken).ConfigureAwait(false);
            NoteSuccess();
            return index.Count == 0 ? [] : Candidates(index, vectors[0], context);
        }
        catch (EngineException e) when (e.Kind != ErrorKind.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            NoteFailure(e);
            return [];
        }
        catch (Exception e) when (e is not (EngineException or OperationCanceledException) || !cancellationToken.IsCancellationRequested)
        {
            // A fault of this stage must not fail the ask: the later stages still answer.
            SemanticLog.Failed(_logger, e.GetType().Name, e.Message, e);
            return [];
        }
    }

    /// <summary>
    /// Embeds the examples of <paramref name="catalog"/> now, in the background's priority, so that the first
    /// utterance does not wait for them (about a second for the ~200 built-in examples). Never throws for a missing model.
    /// </summary>
    public async Task WarmUpAsync(IntentCatalog catalog, CancellationToken cancellationToken)
    {
        try
        {
            if (await DefaultModelAsync(catalog, cancellationToken).ConfigureAwait(false) is { } model)
            {
                await IndexAsync(catalog, model, TaskPriority.Background).WaitAsync(cancellationToken).ConfigureAwait(false);
                NoteSuccess();
            }
        }
        catch (EngineException e) when (e.Kind != ErrorKind.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            NoteFailure(e);
        }
        catch (Exception e) when (e is not (EngineException or OperationCanceledException))
        {
            SemanticLog.Failed(_logger, e.GetType().Name, e.Message, e);
        }
    }

    /// <summary>
    /// The default embedding model, found by embedding the catalog's first example in the background (kept, so it is
    /// not embedded again); null when the catalog has no examples.
    /// </summary>
    private async Task<EmbeddingModelKey?> DefaultModelAsync(IntentCatalog catalog, CancellationToken cancellationToken)
    {
        foreach (var intent in catalog.Intents)
        {
            if (intent.Examples.Select(e => e.Trim()).FirstOrDefault(e => e.Length > 0) is not { } first)
            {
                continue;
            }

            bool builtin = intent.Source == IntentSource.Builtin;
            uint uid = builtin ? 0 : intent.Registration?.OwnerUid ?? 0;
            var (model, vectors) = await EmbedAsync(uid, [first], model: null, TaskPriority.Background, cancellationToken).ConfigureAwait(false);
            var claimed = new List<(string Text, TaskCompletionSource<float[]> Source)>();
            _cache.Claim(model, [first], builtin, claimed);
            if (claimed.Count > 0)
            {
                Interlocked.Increment(ref _examplesEmbedded);
                claimed[0].Source.TrySetResult(vectors[0]);
            }

            return model;
        }

        return null;
    }

    private static List<IntentCandidate> Candidates(SemanticIndex index, float[] query, RecognitionContext context)
    {
        int intents = index.Intents.Count;
        Span<float> scores = intents <= 256 ? stackalloc float[intents] : new float[intents];
        Span<int> nearest = intents <= 256 ? stackalloc int[intents] : new int[intents];
        index.Score(query, Aggregation, scores, nearest);

        var candidates = new List<IntentCandidate>(MaxCandidates);
        Span<bool> taken = intents <= 256 ? stackalloc bool[intents] : new bool[intents];
        if (!context.HasImage)
        {
            // Without an image, an intent about one is reached only by its templates (CatalogIntent.NeedsImage).
            for (int i = 0; i < intents; i++)
            {
                taken[i] = context.Catalog.Find(index.Intents[i])?.NeedsImage == true;
            }
        }

        for (int n = 0; n < MaxCandidates; n++)
        {
            int best = -1;
            for (int i = 0; i < intents; i++)
            {
                if (!taken[i] && nearest[i] >= 0 && (best < 0 || scores[i] > scores[best]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            taken[best] = true;
            double confidence = ConfidenceOf(scores[best]);
            string name = index.Intents[best];
            var slots = confidence >= AcceptConfidence && context.Catalog.Find(name) is { } intent
                ? SlotExtractor.Extract(intent, context.Utterance, context.Slots)
                : EmptySlots;
            candidates.Add(new IntentCandidate(name, slots, confidence, index.Example(nearest[best])));
        }

        return candidates;
    }

    private static readonly IReadOnlyDictionary<string, object> EmptySlots = new Dictionary<string, object>();
}

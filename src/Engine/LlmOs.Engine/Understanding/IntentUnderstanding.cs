using System.Diagnostics;
using LlmOs.Engine.Understanding.Catalog;

namespace LlmOs.Engine.Understanding;

/// <summary>
/// Runs the recognisers cheapest first (templates, semantic, language model) and stops at the first whose best
/// candidate clears its threshold. Among equally confident candidates a built-in wins: an app's intent takes
/// over only with a higher confidence. When no stage decides, the utterance is <c>chat</c>.
/// </summary>
public sealed class IntentUnderstanding(IEnumerable<IIntentRecognizer> recognizers)
{
    /// <summary>The intent of anything no other intent fits: the language model answers it.</summary>
    public const string ChatIntent = "chat";

    /// <summary>The recogniser named in a result that no stage decided.</summary>
    public const string NoRecognizer = "none";

    private readonly IIntentRecognizer[] _recognizers = [.. recognizers];

    public IReadOnlyList<IIntentRecognizer> Recognizers => _recognizers;

    public async Task<UnderstandingResult> UnderstandAsync(RecognitionContext context, CancellationToken cancellationToken)
    {
        var stages = new List<RecognizerStage>(_recognizers.Length);
        foreach (var recognizer in _recognizers)
        {
            long started = Stopwatch.GetTimestamp();
            var candidates = await recognizer.RecognizeAsync(context, cancellationToken).ConfigureAwait(false);
            var best = Choose(candidates, context.Catalog);
            bool decided = best is not null && best.Confidence >= recognizer.AcceptAt;
            stages.Add(new RecognizerStage(recognizer.Name, candidates, Stopwatch.GetElapsedTime(started)) { Decided = decided });
            if (decided)
            {
                return new UnderstandingResult(best!, recognizer.Name, stages);
            }
        }

        return new UnderstandingResult(new IntentCandidate(ChatIntent, new Dictionary<string, object>(), 0), NoRecognizer, stages);
    }

    /// <summary>The most confident candidate; on a tie, a built-in intent before an app's.</summary>
    internal static IntentCandidate? Choose(IReadOnlyList<IntentCandidate> candidates, IntentCatalog catalog)
    {
        IntentCandidate? best = null;
        foreach (var candidate in candidates)
        {
            if (best is null
                || candidate.Confidence > best.Confidence
                || (candidate.Confidence == best.Confidence && IsApp(best, catalog) && !IsApp(candidate, catalog)))
            {
                best = candidate;
            }
        }

        return best;
    }

    private static bool IsApp(IntentCandidate candidate, IntentCatalog catalog) =>
        catalog.Find(candidate.Intent)?.Source == IntentSource.App;
}

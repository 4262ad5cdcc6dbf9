using System.Diagnostics;
using LlmOs.Engine.Understanding;

namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>
/// Runs rows through the pipeline, and through each recogniser alone: a recogniser alone answers its best candidate
/// when that clears the recogniser's own threshold, else <c>chat</c> (what the pipeline would say were it the only
/// stage). A stage the pipeline already ran is not run again: its candidates are those in the result.
/// </summary>
public static class CorpusRun
{
    public static async Task<IReadOnlyList<RowResult>> RunAsync(CorpusPipeline pipeline, IEnumerable<CorpusRow> rows, CancellationToken cancellationToken)
    {
        var results = new List<RowResult>();
        foreach (var row in rows)
        {
            var context = pipeline.ContextFor(row.Text, row.Language);
            long start = Stopwatch.GetTimestamp();
            var understood = await pipeline.Understanding.UnderstandAsync(context, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(start);
            var overall = new Verdict(understood.Best.Intent, understood.Best.Slots, understood.Recognizer, understood.Best.Confidence);

            var alone = new Dictionary<string, Verdict>(StringComparer.Ordinal);
            foreach (var recognizer in pipeline.Understanding.Recognizers)
            {
                var candidates = understood.Stages.FirstOrDefault(s => s.Recognizer == recognizer.Name)?.Candidates
                    ?? await recognizer.RecognizeAsync(context, cancellationToken);
                alone[recognizer.Name] = Alone(recognizer, candidates);
            }

            results.Add(new RowResult(row, overall, alone, elapsed, understood.Stages.ToDictionary(s => s.Recognizer, s => s.Elapsed)));
        }

        return results;
    }

    private static Verdict Alone(IIntentRecognizer recognizer, IReadOnlyList<IntentCandidate> candidates)
    {
        IntentCandidate? best = null;
        foreach (var candidate in candidates)
        {
            if (best is null || candidate.Confidence > best.Confidence)
            {
                best = candidate; // every intent here is a built-in, so no app-versus-built-in tie to break
            }
        }

        return best is not null && best.Confidence >= recognizer.AcceptAt
            ? new Verdict(best.Intent, best.Slots, recognizer.Name, best.Confidence)
            : new Verdict(IntentUnderstanding.ChatIntent, new Dictionary<string, object>(), IntentUnderstanding.NoRecognizer, best?.Confidence ?? 0);
    }
}

namespace LlmOs.Engine.Understanding.Semantic;

/// <summary>
/// Finds the similarity threshold of <see cref="SemanticRecognizer"/> from labelled example vectors: each in-domain
/// example is left out and matched against all the others (it should land on its own intent, above the threshold);
/// each out-of-domain sentence (the <c>chat</c> examples and any others) should stay below it. The threshold is the
/// one of best accuracy over both, the middle of the best plateau. Run by
/// tests/LlmOs.Engine.Onnx.Tests/Semantic/SemanticCalibrationTests.cs, which prints the figures.
/// </summary>
public static class SemanticCalibration
{
    private const float Lowest = 0.20f;
    private const float Highest = 0.95f;
    private const float Step = 0.005f;

    /// <param name="examples">Every example with its intent and unit vector; those of <paramref name="outOfDomainIntent"/> count as out-of-domain.</param>
    /// <param name="outOfDomain">More sentences (unit vectors) that no intent should take.</param>
    /// <param name="aggregation">How an intent is scored from its examples.</param>
    /// <param name="outOfDomainIntent">The intent whose examples are out-of-domain sentences rather than an intent.</param>
    public static CalibrationReport Calibrate(
        IReadOnlyList<(string Intent, float[] Vector)> examples,
        IReadOnlyList<float[]> outOfDomain,
        SimilarityAggregation aggregation,
        string outOfDomainIntent = IntentUnderstanding.ChatIntent)
    {
        var inDomain = examples.Where(e => e.Intent != outOfDomainIntent).ToList();
        var negatives = examples.Where(e => e.Intent == outOfDomainIntent).Select(e => e.Vector).Concat(outOfDomain).ToList();
        var index = Index(inDomain);
        int intents = index.Intents.Count;
        float[] scores = new float[intents];
        int[] nearest = new int[intents];

        // Per in-domain example: its best score and whether that is its own intent; per negative: its best score.
        var positives = new List<(float Score, bool Right)>(inDomain.Count);
        for (int row = 0; row < inDomain.Count; row++)
        {
            index.Score(index.Row(row), aggregation, scores, nearest, skipRow: row);
            int best = ArgMax(scores);
            positives.Add((best < 0 ? float.NegativeInfinity : scores[best], best == index.IntentOf(row)));
        }

        var rejected = new List<float>(negatives.Count);
        foreach (var vector in negatives)
        {
            index.Score(vector, aggregation, scores, nearest);
            int best = ArgMax(scores);
            rejected.Add(best < 0 ? float.NegativeInfinity : scores[best]);
        }

        var curve = new List<(float, double)>();
        double bestAccuracy = -1;
        float plateauStart = Lowest, plateauEnd = Lowest;
        for (float t = Lowest; t <= Highest + (Step / 2); t += Step)
        {
            double accuracy = Accuracy(positives, rejected, t);
            curve.Add((t, accuracy));
            if (accuracy > bestAccuracy + 1e-12)
            {
                bestAccuracy = accuracy;
                plateauStart = plateauEnd = t;
            }
            else if (Math.Abs(accuracy - bestAccuracy) < 1e-12 && Math.Abs(plateauEnd + Step - t) < Step / 2)
            {
                plateauEnd = t;
            }
        }

        float threshold = MathF.Round((plateauStart + plateauEnd) / 2 / Step) * Step;
        return new CalibrationReport(
            aggregation,
            threshold,
            Accuracy(positives, rejected, threshold),
            positives.Count,
            positives.Count(p => p.Right),
            positives.Count(p => p.Right && p.Score >= threshold),
            positives.Count(p => !p.Right && p.Score >= threshold),
            rejected.Count,
            rejected.Count(s => s < threshold),
            curve);
    }

    private static double Accuracy(List<(float Score, bool Right)> positives, List<float> negatives, float threshold)
    {
        int right = positives.Count(p => p.Right && p.Score >= threshold) + negatives.Count(s => s < threshold);
        return (double)right / Math.Max(1, positives.Count + negatives.Count);
    }

    private static SemanticIndex Index(List<(string Intent, float[] Vector)> examples)
    {
        // The same rows as the recogniser's index: every example counts (duplicates too, each is left out in turn).
        var rows = new ExampleRows();
        int[] intentOfRow = [.. examples.Select(e => rows.IntentNumber(e.Intent))];
        var matrix = ExampleMatrix.Of([.. examples.Select(e => e.Intent)], intentOfRow, [.. examples.Select(e => e.Vector)]);
        return new SemanticIndex(rows.Intents, matrix);
    }

    private static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = -1;
        for (int i = 0; i < scores.Length; i++)
        {
            if (!float.IsNegativeInfinity(scores[i]) && (best < 0 || scores[i] > scores[best]))
            {
                best = i;
            }
        }

        return best;
    }
}

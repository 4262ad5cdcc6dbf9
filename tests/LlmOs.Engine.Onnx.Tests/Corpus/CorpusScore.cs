namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>Accuracy of one system over some rows: intent alone, intent and the expected slots together.</summary>
public sealed record CorpusScore(int Rows, int IntentCorrect, int AllCorrect)
{
    public double IntentAccuracy => Rows == 0 ? double.NaN : (double)IntentCorrect / Rows;

    public double FullAccuracy => Rows == 0 ? double.NaN : (double)AllCorrect / Rows;

    public static CorpusScore Of(IEnumerable<RowResult> results, Func<RowResult, Verdict> system)
    {
        int rows = 0, intent = 0, all = 0;
        foreach (var result in results)
        {
            var verdict = system(result);
            rows++;
            intent += verdict.IntentMatches(result.Row) ? 1 : 0;
            all += verdict.Mismatch(result.Row) is null ? 1 : 0;
        }

        return new CorpusScore(rows, intent, all);
    }

    public override string ToString() => $"intent {IntentAccuracy:F3} ({IntentCorrect}/{Rows})  intent+slots {FullAccuracy:F3} ({AllCorrect}/{Rows})";
}

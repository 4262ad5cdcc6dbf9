using System.Globalization;
using System.Text;

namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>
/// The corpus's figures as text: accuracy of the pipeline and of each recogniser alone per split, how often each stage
/// decided and how right it was then, accuracy per intent, time per utterance, and the pipeline's failures on the
/// tune split only (the held-out split's failures stay unseen, so nobody tunes on them).
/// </summary>
public static class CorpusReport
{
    public static string Write(string title, IReadOnlyList<RowResult> results, IReadOnlyList<string> recognizers)
    {
        var text = new StringBuilder();
        var splits = results.Select(r => r.Row.Split).Distinct().ToList();
        text.AppendLine(Invariant($"{title}: {string.Join(" + ", splits.Select(s => $"{results.Count(r => r.Row.Split == s)} {s}"))} rows, understood at {CorpusClock.Now:yyyy-MM-dd HH:mm zzz} ({CorpusClock.Zone.Id}), caller uid {CorpusPipeline.CallerUid}"));
        text.AppendLine();

        text.AppendLine("accuracy (a recogniser alone: its best candidate if it clears its threshold, else chat)");
        text.AppendLine("  " + "system".PadRight(20) + string.Concat(splits.Select(s => Invariant($"{s + " intent",19}{s + " intent+slots",25}"))));
        AccuracyRow(text, "pipeline", results, splits, r => r.Pipeline);
        foreach (string name in recognizers)
        {
            AccuracyRow(text, name + " alone", results, splits, r => r.Alone[name]);
        }

        text.AppendLine();
        text.AppendLine("decisions in the pipeline (which stage decided; how often its decision was right)");
        foreach (string name in recognizers.Append(Understanding.IntentUnderstanding.NoRecognizer))
        {
            text.Append("  " + (name == Understanding.IntentUnderstanding.NoRecognizer ? "none (chat)" : name).PadRight(20));
            foreach (string split in splits)
            {
                var decided = results.Where(r => r.Row.Split == split && r.Pipeline.DecidedBy == name).ToList();
                var score = CorpusScore.Of(decided, r => r.Pipeline);
                text.Append(Invariant($"  {split}: decided {decided.Count,3}, intent right {score.IntentCorrect,3}, all right {score.AllCorrect,3}   "));
            }

            text.AppendLine();
        }

        text.AppendLine();
        text.AppendLine("pipeline per intent (rows: intent / intent+slots)");
        foreach (string intent in results.Select(r => r.Row.Intent).Distinct().Order(StringComparer.Ordinal))
        {
            text.Append("  " + intent.PadRight(20));
            foreach (string split in splits)
            {
                var score = CorpusScore.Of(results.Where(r => r.Row.Split == split && r.Row.Intent == intent), r => r.Pipeline);
                text.Append(Invariant($"{split,10} {score.Rows,3}: {score.IntentCorrect,3} / {score.AllCorrect,3}"));
            }

            text.AppendLine();
        }

        var times = results.Select(r => r.Elapsed.TotalMilliseconds).Order().ToArray();
        text.AppendLine();
        text.AppendLine(Invariant($"time per utterance through the pipeline: mean {times.Average():F2} ms, p50 {times[times.Length / 2]:F2} ms, max {times[^1]:F2} ms"));
        foreach (string name in recognizers)
        {
            var stage = results.Where(r => r.StageTimes.ContainsKey(name)).Select(r => r.StageTimes[name].TotalMilliseconds).Order().ToArray();
            text.AppendLine(stage.Length == 0
                ? $"  {name}: never ran in the pipeline"
                : Invariant($"  {name}: ran for {stage.Length} rows, mean {stage.Average():F2} ms, p50 {stage[stage.Length / 2]:F2} ms, max {stage[^1]:F2} ms"));
        }

        var failures = results.Where(r => r.Row.Split == CorpusFile.Tune && r.Pipeline.Mismatch(r.Row) is not null).ToList();
        if (splits.Contains(CorpusFile.Tune))
        {
            text.AppendLine();
            text.AppendLine(Invariant($"pipeline failures on the tune split ({failures.Count}); held-out failures are counted above, never listed"));
            foreach (var failure in failures)
            {
                var row = failure.Row;
                var got = failure.Pipeline;
                text.AppendLine(Invariant($"  {row.File}:{row.Line} \"{row.Text}\""));
                text.AppendLine(Invariant($"      expected {row.Intent} {Expected(row)}; got {got.Intent} {Slots(got.Slots)} by {got.DecidedBy} ({got.Confidence:F2}): {got.Mismatch(row)}"));
                text.AppendLine("      alone: " + string.Join(", ", recognizers.Select(n => Invariant($"{n} {failure.Alone[n].Intent} ({failure.Alone[n].Confidence:F2})"))));
            }
        }

        return text.ToString();
    }

    private static void AccuracyRow(StringBuilder text, string name, IReadOnlyList<RowResult> results, List<string> splits, Func<RowResult, Verdict> system)
    {
        text.Append("  " + name.PadRight(20));
        foreach (string split in splits)
        {
            var score = CorpusScore.Of(results.Where(r => r.Row.Split == split), system);
            text.Append(Invariant($"{score.IntentAccuracy,9:F3} ({score.IntentCorrect,3}/{score.Rows,3}){score.FullAccuracy,15:F3} ({score.AllCorrect,3}/{score.Rows,3})"));
        }

        text.AppendLine();
    }

    private static string Slots(IReadOnlyDictionary<string, object> slots) =>
        slots.Count == 0 ? "{}" : "{" + string.Join(", ", slots.Select(s => Invariant($"{s.Key}: {(s.Value is string v ? "\"" + v + "\"" : s.Value)}"))) + "}";

    private static string Expected(CorpusRow row) =>
        row.Slots.Count == 0 ? "{}" : "{" + string.Join(", ", row.Slots.Select(s => $"{s.Key}: {s.Value.GetRawText()}")) + "}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

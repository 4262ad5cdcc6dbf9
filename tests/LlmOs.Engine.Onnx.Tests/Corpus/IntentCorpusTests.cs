using System.Globalization;
using Xunit.Abstractions;

namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>
/// The hand-written utterance corpus through the real pipeline (templates, MiniLM embeddings, no language model):
/// prints the accuracy per recogniser and overall, writes it beside the test assembly, and holds the pipeline to
/// <see cref="CorpusTargets"/>.
/// </summary>
public sealed class IntentCorpusTests(CorpusPipeline pipeline, ITestOutputHelper output) : IClassFixture<CorpusPipeline>
{
    [Fact]
    public async Task The_English_corpus_lands_on_the_expected_intents_and_slots()
    {
        var rows = CorpusFile.Load("utterances.tune.tsv", CorpusFile.Tune, "en")
            .Concat(CorpusFile.Load("utterances.heldout.tsv", CorpusFile.Heldout, "en"));

        var results = await CorpusRun.RunAsync(pipeline, rows, CancellationToken.None);

        Report("intent corpus, English", "intent-corpus-report.en.txt", results);
        var tune = CorpusScore.Of(results.Where(r => r.Row.Split == CorpusFile.Tune), r => r.Pipeline);
        var heldout = CorpusScore.Of(results.Where(r => r.Row.Split == CorpusFile.Heldout), r => r.Pipeline);
        Assert.Multiple(
            () => AtLeast("tune intent", tune.IntentAccuracy, CorpusTargets.TuneIntent),
            () => AtLeast("tune intent+slots", tune.FullAccuracy, CorpusTargets.TuneIntentAndSlots),
            () => AtLeast("held-out intent", heldout.IntentAccuracy, CorpusTargets.HeldoutIntent),
            () => AtLeast("held-out intent+slots", heldout.FullAccuracy, CorpusTargets.HeldoutIntentAndSlots));
    }

    [Fact]
    public async Task The_Spanish_corpus_lands_on_the_expected_intents_and_slots()
    {
        Assert.True(pipeline.Languages.Has("es"), "no Spanish language pack is shipped");
        var rows = CorpusFile.Load("utterances.es.tsv", "es", "es");

        var results = await CorpusRun.RunAsync(pipeline, rows, CancellationToken.None);

        Report("intent corpus, Spanish", "intent-corpus-report.es.txt", results);
        var score = CorpusScore.Of(results, r => r.Pipeline);
        Assert.Multiple(
            () => AtLeast("Spanish intent", score.IntentAccuracy, CorpusTargets.SpanishIntent),
            () => AtLeast("Spanish intent+slots", score.FullAccuracy, CorpusTargets.SpanishIntentAndSlots));
    }

    private void Report(string title, string file, IReadOnlyList<RowResult> results)
    {
        string report = CorpusReport.Write(title, results, [.. pipeline.Understanding.Recognizers.Select(r => r.Name)]);
        string path = Path.Combine(AppContext.BaseDirectory, file);
        File.WriteAllText(path, report);
        output.WriteLine(report);
        output.WriteLine($"(written to {path})");
    }

    private static void AtLeast(string what, double actual, double target) =>
        Assert.True(actual >= target, string.Create(CultureInfo.InvariantCulture, $"{what} accuracy {actual:F3} is below the target {target:F2}"));
}

using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Semantic;
using Xunit.Abstractions;

namespace LlmOs.Engine.Onnx.Tests.Semantic;

/// <summary>
/// Calibrates the semantic threshold on real MiniLM vectors and checks that the constant the recogniser ships
/// with is the calibrated one. To see the figures:
/// <c>dotnet test tests/LlmOs.Engine.Onnx.Tests --filter SemanticCalibrationTests --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class SemanticCalibrationTests(SemanticFixture fixture, ITestOutputHelper output) : IClassFixture<SemanticFixture>
{
    [Fact]
    public async Task The_shipped_threshold_is_the_calibrated_one_on_the_test_examples()
    {
        var examples = EnglishExamples.Intents.SelectMany(i => i.Examples.Select(e => (i.Intent, Text: e))).ToList();
        var vectors = await fixture.EmbedAsync([.. examples.Select(e => e.Text)]);
        var outOfDomain = await fixture.EmbedAsync(EnglishExamples.OutOfDomain);
        var labelled = examples.Select((e, i) => (e.Intent, vectors[i])).ToList();

        var max = SemanticCalibration.Calibrate(labelled, outOfDomain, SimilarityAggregation.Max);
        var topTwo = SemanticCalibration.Calibrate(labelled, outOfDomain, SimilarityAggregation.MeanOfTopTwo);
        Print(max);
        Print(topTwo);
        await PrintShippedAsync();

        var chosen = SemanticRecognizer.Aggregation == SimilarityAggregation.Max ? max : topTwo;
        Assert.True(Math.Abs(chosen.Threshold - SemanticRecognizer.Threshold) <= 0.03f, $"calibrated {chosen.Threshold:F3}, shipped {SemanticRecognizer.Threshold:F3}");
        Assert.True(chosen.Accuracy >= 0.85, chosen.ToString());
        Assert.True(chosen.InDomainNearestRight >= chosen.InDomain * 0.85, chosen.ToString());
    }

    /// <summary>The same figures on the shipped English pack, once it has examples (the language data is another part's).</summary>
    private async Task PrintShippedAsync()
    {
        var pack = LanguagePackLoader.Load([LanguagePackLoader.ShippedDirectory]).For("en");
        var examples = pack.Intents.SelectMany(i => i.Examples.Select(e => (i.Name, Text: e))).ToList();
        output.WriteLine($"shipped English pack: {pack.Intents.Count} intents, {examples.Count} examples");
        if (examples.Count == 0)
        {
            return;
        }

        var vectors = await fixture.EmbedAsync([.. examples.Select(e => e.Text)]);
        var outOfDomain = await fixture.EmbedAsync(EnglishExamples.OutOfDomain);
        var labelled = examples.Select((e, i) => (e.Name, vectors[i])).ToList();
        Print(SemanticCalibration.Calibrate(labelled, outOfDomain, SimilarityAggregation.Max));
        Print(SemanticCalibration.Calibrate(labelled, outOfDomain, SimilarityAggregation.MeanOfTopTwo));
    }

    private void Print(CalibrationReport report)
    {
        output.WriteLine(report.ToString());
        output.WriteLine(string.Join("  ", report.Curve.Where((_, i) => i % 10 == 0).Select(p => $"{p.Threshold:F2}:{p.Accuracy:P1}")));
    }
}

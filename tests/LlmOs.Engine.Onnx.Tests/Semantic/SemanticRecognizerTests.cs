using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Semantic;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace LlmOs.Engine.Onnx.Tests.Semantic;

/// <summary>The semantic recogniser on the real MiniLM through a real scheduler, with the test's own English catalog.</summary>
public sealed class SemanticRecognizerTests(SemanticFixture fixture, ITestOutputHelper output) : IClassFixture<SemanticFixture>
{
    public static TheoryData<string, string> Paraphrases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (utterance, intent) in EnglishExamples.Paraphrases)
        {
            data.Add(utterance, intent);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Paraphrases))]
    public async Task A_paraphrase_nobody_wrote_lands_on_its_intent(string utterance, string intent)
    {
        var recognizer = fixture.Recognizer;

        var candidates = await recognizer.RecognizeAsync(SemanticFixture.Context(utterance, fixture.Catalog), CancellationToken.None);

        output.WriteLine(string.Join("\n", candidates.Select(c => $"{c.Intent} {c.Confidence:F3} ({c.Evidence})")));
        Assert.InRange(candidates.Count, 2, SemanticRecognizer.MaxCandidates);
        Assert.Equal(intent, candidates[0].Intent);
        Assert.True(candidates[0].Confidence >= recognizer.AcceptAt, $"{candidates[0].Confidence:F3} < {recognizer.AcceptAt}");
        Assert.Contains(candidates[0].Evidence, EnglishExamples.Intents.Single(i => i.Intent == intent).Examples);
        Assert.Equal(candidates.OrderByDescending(c => c.Confidence).Select(c => c.Intent), candidates.Select(c => c.Intent));
    }

    [Theory]
    [InlineData("the eagle flew over the lake")]
    [InlineData("my grandmother grew tomatoes in her garden")]
    [InlineData("photosynthesis converts light into chemical energy")]
    [InlineData("the football match ended in a draw")]
    public async Task An_unrelated_sentence_stays_below_the_bar(string utterance)
    {
        var recognizer = fixture.Recognizer;

        var candidates = await recognizer.RecognizeAsync(SemanticFixture.Context(utterance, fixture.Catalog), CancellationToken.None);

        output.WriteLine(string.Join("\n", candidates.Select(c => $"{c.Intent} {c.Confidence:F3} ({c.Evidence})")));
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.True(c.Intent == "chat" || c.Confidence < recognizer.AcceptAt, $"{c.Intent} {c.Confidence:F3}"));
    }

    [Fact]
    public async Task A_new_catalog_embeds_only_its_new_examples()
    {
        var recognizer = new SemanticRecognizer(fixture.Scheduler);
        int builtinExamples = EnglishExamples.Intents.Sum(i => i.Examples.Length);
        long before = fixture.Embeddings.Texts;
        await recognizer.WarmUpAsync(fixture.Catalog, CancellationToken.None);
        long afterFirst = fixture.Embeddings.Texts;

        var app = new CatalogIntent("org.example.Weather.forecast", IntentSource.App, new Dictionary<string, string>(), [],
            ["what's the weather tomorrow", "will it rain today", "weather forecast for the weekend"]);
        var second = SemanticFixture.CatalogOf(EnglishExamples.Intents, version: 2, app);
        var candidates = await recognizer.RecognizeAsync(SemanticFixture.Context("is it going to rain tomorrow", second), CancellationToken.None);
        long afterSecond = fixture.Embeddings.Texts;

        Assert.Equal(builtinExamples, afterFirst - before);
        Assert.Equal(3 + 1, afterSecond - afterFirst); // the app's three examples, then the utterance
        Assert.Equal(builtinExamples + 3, recognizer.ExamplesEmbedded);
        Assert.Equal(app.Name, candidates[0].Intent);
        Assert.True(candidates[0].Confidence >= recognizer.AcceptAt, $"{candidates[0].Confidence:F3}");

        // The same catalog again: nothing but the utterance is embedded.
        await recognizer.RecognizeAsync(SemanticFixture.Context("what time is it in here", second), CancellationToken.None);
        Assert.Equal(1, fixture.Embeddings.Texts - afterSecond);
    }

    [Fact]
    public async Task Cancelling_a_first_utterance_stops_waiting_but_not_the_shared_index()
    {
        var recognizer = new SemanticRecognizer(fixture.Scheduler);
        var catalog = SemanticFixture.CatalogOf(EnglishExamples.Intents.Select(i => (i.Intent, i.Examples.Select(e => e + " now").ToArray())), version: 3);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(30));

        // Embedding the whole catalog takes seconds; a cancellation rather than an answer shows the wait was cut short.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await recognizer.RecognizeAsync(SemanticFixture.Context("what time is it", catalog), cancel.Token));

        var candidates = await recognizer.RecognizeAsync(SemanticFixture.Context("what time is it", catalog), CancellationToken.None);
        Assert.Equal("time.now", candidates[0].Intent);
        Assert.Equal(catalog.Intents.Sum(i => i.Examples.Count), recognizer.ExamplesEmbedded);
    }

    [Fact]
    public async Task Without_an_embedding_model_there_are_no_candidates_and_no_error()
    {
        var temp = Directory.CreateTempSubdirectory("llmos-semantic-none-");
        try
        {
            var registry = new ModelRegistry(
                new ModelRegistryOptions { ModelsDirectory = temp.FullName, StateFile = Path.Combine(temp.FullName, "models.json") }, TimeProvider.System);
            await using var scheduler = new Scheduler(new NoTextBackend(), registry, new TaskStore(TimeProvider.System), new SchedulerOptions(), TimeProvider.System, NullLogger<Scheduler>.Instance);
            var recognizer = new SemanticRecognizer(scheduler, NullLogger<SemanticRecognizer>.Instance);

            await recognizer.WarmUpAsync(fixture.Catalog, CancellationToken.None);
            var candidates = await recognizer.RecognizeAsync(SemanticFixture.Context("what time is it", fixture.Catalog), CancellationToken.None);

            Assert.Empty(candidates);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

}

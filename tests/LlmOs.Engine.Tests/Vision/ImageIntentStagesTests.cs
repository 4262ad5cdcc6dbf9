using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.LanguageModel;
using LlmOs.Engine.Understanding.Semantic;
using Microsoft.Extensions.Logging.Abstractions;
using static LlmOs.Engine.Tests.Templates.TemplateTestKit;

namespace LlmOs.Engine.Tests.Vision;

/// <summary>
/// Intents about an image (<c>needs_image</c>) in the stages of understanding: read from the language data, reached
/// without an image by their templates only, never offered to the language model.
/// </summary>
public sealed class ImageIntentStagesTests
{
    private static readonly Lazy<LanguageCatalog> Shipped = new(() => LanguagePackLoader.Load([LanguagePackLoader.ShippedDirectory]));

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void The_shipped_packs_mark_exactly_the_image_intents_as_needing_an_image(string code)
    {
        var pack = Shipped.Value.For(code);

        Assert.Equal(["image.describe", "image.read_text"], pack.Intents.Where(i => i.NeedsImage).Select(i => i.Name).Order());
    }

    [Fact]
    public void A_needs_image_that_is_not_a_boolean_is_refused_at_its_line()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("xx"));
        File.WriteAllText(temp.Combine("xx", "intents.yaml"), "language: xx\nintents:\n  look:\n    needs_image: maybe\n    templates: [\"look\"]\n");

        var e = Assert.Throws<LanguagePackException>(() => LanguagePackLoader.Load([temp.Path]));

        Assert.Contains("needs_image is true or false", e.Message);
    }

    [Fact]
    public void The_language_model_is_never_offered_an_intent_that_needs_an_image()
    {
        var catalog = new IntentCatalog(Shipped.Value.For("en").Intents, 1);

        var prompt = IntentChoicePrompt.For(catalog);

        Assert.Contains("- timer.set", prompt.System);
        Assert.DoesNotContain("image.", prompt.System);
        Assert.DoesNotContain("image.", prompt.Grammar);
    }

    [Fact]
    public async Task The_semantic_stage_offers_an_image_intent_only_when_an_image_came()
    {
        var embeddings = new FakeEmbeddingBackend();
        using var temp = new TempDirectory();
        var registry = new ModelRegistry(
            new ModelRegistryOptions { ModelsDirectory = temp.Combine("models"), StateFile = temp.Combine("state.json"), Builtin = embeddings.BuiltinModels },
            TimeProvider.System);
        await using var scheduler = new Scheduler(
            new FakeTextBackend(), registry, new TaskStore(TimeProvider.System), new SchedulerOptions(), TimeProvider.System,
            NullLogger<Scheduler>.Instance, embeddings: embeddings);
        var pack = Pack(
        [
            new CatalogIntent("image.describe", IntentSource.Builtin, new Dictionary<string, string>(), [], ["what is this"]) { NeedsImage = true },
            new CatalogIntent("time.now", IntentSource.Builtin, new Dictionary<string, string>(), [], ["what time is it"]),
        ]);
        var recognizer = new SemanticRecognizer(scheduler);
        var plain = Context(pack, "what is this");

        var withoutImage = await recognizer.RecognizeAsync(plain, CancellationToken.None);
        var withImage = await recognizer.RecognizeAsync(plain with { HasImage = true }, CancellationToken.None);

        Assert.Equal(["time.now"], withoutImage.Select(c => c.Intent));
        Assert.Equal("image.describe", withImage[0].Intent);
        Assert.Equal(1.0, withImage[0].Confidence, 6);
    }
}

using LlmOs.Engine.Assistant;
using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Skills.Desktop;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.LanguageModel;
using LlmOs.Engine.Understanding.Semantic;
using LlmOs.Engine.Understanding.Slots;
using LlmOs.Engine.Understanding.Templates;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>
/// The real understanding pipeline, in-process and wired as llmosd wires it: the shipped language packs, the
/// catalogs over an empty intent registry, the installed test apps, the template and semantic recognisers (MiniLM
/// through a real scheduler) and the language-model recogniser over a registry without a text model.
/// </summary>
public sealed class CorpusPipeline : IAsyncLifetime
{
    public const uint CallerUid = 1000;

    private readonly string _dir = Directory.CreateTempSubdirectory("llmos-corpus-").FullName;
    private Scheduler _scheduler = null!;
    private IntentCatalogs _catalogs = null!;
    private DesktopApps _apps = null!;

    public LanguageCatalog Languages { get; private set; } = null!;

    public IntentUnderstanding Understanding { get; private set; } = null!;

    public Task InitializeAsync()
    {
        string applications = Path.Combine(_dir, "applications");
        TestApps.WriteTo(applications);
        string models = Path.Combine(_dir, "models");
        Directory.CreateDirectory(models);

        var embeddings = new MiniLmEmbeddingBackend(new MiniLmOptions(), NullLogger<MiniLmEmbeddingBackend>.Instance);
        var registry = new ModelRegistry(
            new ModelRegistryOptions { Builtin = embeddings.BuiltinModels, ModelsDirectory = models, StateFile = Path.Combine(_dir, "registry.json") },
            TimeProvider.System);
        _scheduler = new Scheduler(
            new NoTextBackend(), registry, new TaskStore(TimeProvider.System), new SchedulerOptions(), TimeProvider.System,
            NullLogger<Scheduler>.Instance, embeddings: embeddings);

        Languages = LanguagePackLoader.Load([LanguagePackLoader.ShippedDirectory]);
        _catalogs = new IntentCatalogs(new IntentRegistry());
        _apps = new DesktopApps([applications]);
        Understanding = new IntentUnderstanding(
        [
            new TemplateRecognizer(),
            new SemanticRecognizer(_scheduler),
            new LanguageModelRecognizer(new LanguageModelCalls(_scheduler, registry)),
        ]);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _scheduler.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The context of one utterance, built as <c>AskService</c> builds it, at the corpus's fixed moment.</summary>
    public RecognitionContext ContextFor(string text, string language)
    {
        var pack = Languages.For(language);
        var slots = new SlotContext(TimeZoneInfo.ConvertTime(CorpusClock.Now, CorpusClock.Zone), CorpusClock.Zone, pack, _apps);
        return new RecognitionContext(pack.Normalize(text), pack, _catalogs.For(CallerUid, pack), slots, CallerUid);
    }
}

using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Semantic;
using LlmOs.Engine.Understanding.Slots;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Onnx.Tests.Semantic;

/// <summary>
/// A real scheduler whose only embedding model is the built-in MiniLM (loaded once, on the first request, as in
/// the daemon), and the English test catalog of <see cref="EnglishExamples"/>.
/// </summary>
public sealed class SemanticFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("llmos-semantic-");

    public SemanticFixture()
    {
        Embeddings = new CountingEmbeddingBackend(new MiniLmEmbeddingBackend(new MiniLmOptions(), NullLogger<MiniLmEmbeddingBackend>.Instance));
        string models = Path.Combine(_temp.FullName, "models");
        Directory.CreateDirectory(models);
        var registry = new ModelRegistry(
            new ModelRegistryOptions { ModelsDirectory = models, StateFile = Path.Combine(_temp.FullName, "models.json"), Builtin = Embeddings.BuiltinModels },
            TimeProvider.System);
        Scheduler = new Scheduler(new NoTextBackend(), registry, new TaskStore(TimeProvider.System), new SchedulerOptions(), TimeProvider.System, NullLogger<Scheduler>.Instance, embeddings: Embeddings);
        Catalog = CatalogOf(EnglishExamples.Intents);
        Recognizer = new SemanticRecognizer(Scheduler);
    }

    /// <summary>One recogniser for the tests that need no fresh cache: it embeds the catalog's examples once.</summary>
    public SemanticRecognizer Recognizer { get; }

    internal CountingEmbeddingBackend Embeddings { get; }

    public Scheduler Scheduler { get; }

    public IntentCatalog Catalog { get; }

    public static LanguagePack English { get; } = new()
    {
        Code = "en",
        Name = "English",
        Intents = [],
        Lists = new Dictionary<string, IReadOnlyList<ListEntry>>(),
        Responses = new Dictionary<string, string>(),
        Words = new LanguageWords(),
    };

    public static IntentCatalog CatalogOf(IEnumerable<(string Intent, string[] Examples)> intents, long version = 1, params CatalogIntent[] apps) =>
        new([.. intents.Select(i => new CatalogIntent(i.Intent, IntentSource.Builtin, new Dictionary<string, string>(), [], i.Examples)), .. apps], version);

    public static RecognitionContext Context(string text, IntentCatalog catalog, uint uid = 1000) =>
        new(new Utterance(text, text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)), English, catalog,
            new SlotContext(DateTimeOffset.UtcNow, TimeZoneInfo.Utc, English, new NoLists()), uid);

    /// <summary>Unit vectors of <paramref name="texts"/>, through the scheduler as any client's embedding request.</summary>
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts)
    {
        var vectors = new List<float[]>(texts.Count);
        foreach (var chunk in texts.Chunk(32))
        {
            var task = Scheduler.SubmitEmbed(0, chunk, null, TaskPriority.Interactive);
            await task.Finished.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(TaskState.Completed, task.State);
            vectors.AddRange(task.Embeddings!.Vectors);
        }

        return vectors;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Scheduler.DisposeAsync();
        _temp.Delete(recursive: true);
    }
}

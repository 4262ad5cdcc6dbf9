using LlmOs.Engine.Intents;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Semantic;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Onnx.Tests.Semantic;

/// <summary>
/// The recogniser's bookkeeping on fast hash-vector models: a change of the default embedding model, the cap on app
/// examples and whose tasks embed them.
/// </summary>
public sealed class SemanticModelsAndAppsTests : IAsyncLifetime
{
    private const string Narrow = "hash-narrow";
    private const string Wide = "hash-wide";

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("llmos-semantic-models-");
    private readonly HashEmbeddingBackend _backend = new((Narrow, 64), (Wide, 96));
    private readonly List<ModelEntry> _builtin;
    private readonly TaskStore _tasks = new(TimeProvider.System);
    private readonly Scheduler _scheduler;

    public SemanticModelsAndAppsTests()
    {
        _builtin = [.. _backend.BuiltinModels]; // the default is the first by name; a test removes it
        var registry = new ModelRegistry(
            new ModelRegistryOptions
            {
                ModelsDirectory = _temp.FullName,
                StateFile = Path.Combine(_temp.FullName, "models.json"),
                Builtin = _builtin,
                RescanInterval = TimeSpan.Zero,
            },
            TimeProvider.System);
        _scheduler = new Scheduler(new NoTextBackend(), registry, _tasks, new SchedulerOptions(), TimeProvider.System, NullLogger<Scheduler>.Instance, embeddings: _backend);
    }

    [Fact]
    public async Task A_new_default_embedding_model_rebuilds_the_index_instead_of_failing()
    {
        var recognizer = new SemanticRecognizer(_scheduler);
        var catalog = SemanticFixture.CatalogOf(EnglishExamples.Intents);
        var before = await recognizer.RecognizeAsync(SemanticFixture.Context("what time is it", catalog), CancellationToken.None);
        Assert.NotEmpty(before);
        Assert.Empty(_backend.Model(Wide).Texts);

        _builtin.RemoveAt(0); // the narrow model goes: the wide one is the default now (the registry reads the list at each scan)
        var after = await recognizer.RecognizeAsync(SemanticFixture.Context("what time is it", catalog), CancellationToken.None);

        Assert.NotEmpty(after);
        int examples = EnglishExamples.Intents.SelectMany(i => i.Examples).Distinct().Count();
        Assert.Equal(examples + 1, _backend.Model(Wide).Texts.Count); // every example again under the new model, and the utterance
        Assert.Equal(examples + 1, _backend.Model(Narrow).Texts.Count);
        Assert.Equal("time.now", after[0].Intent);
    }

    [Fact]
    public async Task App_examples_are_capped_and_embedded_as_their_owners_in_the_background()
    {
        var recognizer = new SemanticRecognizer(_scheduler);
        string[] older = [.. Enumerable.Range(0, 400).Select(i => $"weather report number {i}")];
        string[] newer = [.. Enumerable.Range(0, 200).Select(i => $"play song number {i}")];
        var catalog = SemanticFixture.CatalogOf(
            EnglishExamples.Intents,
            version: 1,
            AppIntent("org.example.Music.play", newer, Registration(1002, sequence: 2)),
            AppIntent("org.example.Weather.forecast", older, Registration(1001, sequence: 1)));

        var candidates = await recognizer.RecognizeAsync(SemanticFixture.Context("weather report number 7", catalog, uid: 1000), CancellationToken.None);

        Assert.Equal("org.example.Weather.forecast", candidates[0].Intent);
        var olderTasks = _tasks.List(1001);
        var newerTasks = _tasks.List(1002);
        Assert.All(olderTasks.Concat(newerTasks), t => Assert.Equal(TaskPriority.Background, t.Priority));
        Assert.Equal(older.Order(StringComparer.Ordinal), olderTasks.SelectMany(t => t.Inputs).Order(StringComparer.Ordinal));
        Assert.Equal(newer.Take(SemanticRecognizer.MaxAppExamples - older.Length).Order(StringComparer.Ordinal), newerTasks.SelectMany(t => t.Inputs).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(_tasks.List(0).SelectMany(t => t.Inputs), t => t.StartsWith("weather report", StringComparison.Ordinal) || t.StartsWith("play song", StringComparison.Ordinal));
        Assert.Contains(_tasks.List(0).SelectMany(t => t.Inputs), t => t == EnglishExamples.Intents[0].Examples[0]);
        Assert.Equal(EnglishExamples.Intents.SelectMany(i => i.Examples).Distinct().Count() + SemanticRecognizer.MaxAppExamples, recognizer.ExamplesEmbedded);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _scheduler.DisposeAsync();
        _temp.Delete(recursive: true);
    }

    private static CatalogIntent AppIntent(string name, string[] examples, IntentRegistration registration) =>
        new(name, IntentSource.App, new Dictionary<string, string>(), examples, examples) { Registration = registration };

    private static IntentRegistration Registration(uint owner, long sequence) =>
        new($":1.{owner}", owner, new NoHandler(), []) { Sequence = sequence };

    private sealed class NoHandler : IIntentHandler
    {
        public string Address => "test";

        public Task<IntentReply> HandleAsync(IntentInvocation invocation, CancellationToken cancellationToken) =>
            throw new NotSupportedException("these tests call no handler");
    }
}

using LlmOs.Engine.Assistant;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Tests.LanguageModel;

/// <summary>
/// A real scheduler on the real llama.cpp backend, whose models folder holds stories260K.gguf (or nothing),
/// with the <see cref="LanguageModelCalls"/> the recogniser asks through, and a small catalog of built-in intents.
/// </summary>
internal sealed class LanguageModelHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();

    public LanguageModelHarness(bool withModel)
    {
        string models = _temp.Combine("models");
        Directory.CreateDirectory(models);
        if (withModel)
        {
            _temp.CopyFile(TestModels.Stories260K, Path.Combine("models", "stories260K.gguf"));
        }

        var registry = new ModelRegistry(new ModelRegistryOptions { ModelsDirectory = models, StateFile = _temp.Combine("state", "models.json") }, TimeProvider.System);
        Scheduler = new Scheduler(
            SharedLlamaBackend.Instance,
            registry,
            new TaskStore(TimeProvider.System),
            new SchedulerOptions { ParallelSequences = 1 },
            TimeProvider.System,
            NullLogger<Scheduler>.Instance);
        Calls = new LanguageModelCalls(Scheduler, registry);
    }

    public Scheduler Scheduler { get; }

    public LanguageModelCalls Calls { get; }

    public static LanguagePack English { get; } = new()
    {
        Code = "en",
        Name = "English",
        Intents = [],
        Lists = new Dictionary<string, IReadOnlyList<ListEntry>>(),
        Responses = new Dictionary<string, string>(),
        Words = new LanguageWords(),
    };

    public static IntentCatalog Catalog { get; } = new(
    [
        Builtin("time.now", "tell the time"),
        Builtin("timer.set", "start a timer", ("duration", SlotTypes.Duration), ("name", SlotTypes.Text)),
        Builtin("reminder.add", "remind the user of something at a time", ("text", SlotTypes.Text), ("when", SlotTypes.DateTime)),
        Builtin("app.open", "open an application", ("app", "list:app")),
    ], 1);

    public static RecognitionContext Context(string text, IntentCatalog? catalog = null) =>
        new(English.Normalize(text), English, catalog ?? Catalog, new SlotContext(DateTimeOffset.UtcNow, TimeZoneInfo.Utc, English, new EmptyLists()), 1000);

    public async ValueTask DisposeAsync()
    {
        await Scheduler.DisposeAsync();
        _temp.Dispose();
    }

    private static CatalogIntent Builtin(string name, string description, params (string Name, string Type)[] slots) =>
        new(name, IntentSource.Builtin, slots.ToDictionary(s => s.Name, s => s.Type), [], [], description);
}

using LlmOs.Engine.Assistant;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Skills;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Tests.Assistant;

/// <summary>An <see cref="AskService"/> over a fake text backend, fake recognisers and fake skills, with a real intent registry.</summary>
internal sealed class AskHarness : IAsyncDisposable
{
    private readonly SchedulerHarness _schedulers;

    /// <param name="withModel">Whether a text model is installed (the fake backend runs it).</param>
    public AskHarness(IReadOnlyList<IIntentRecognizer> recognizers, SchedulerOptions? options = null, bool withModel = false)
    {
        _schedulers = withModel ? new SchedulerHarness("stories") : new SchedulerHarness();
        Scheduler = _schedulers.Create(new FakeTextBackend(), options ?? new SchedulerOptions());
        var english = new LanguagePack
        {
            Code = "en",
            Name = "English",
            Intents =
            [
                new CatalogIntent("timer.set", IntentSource.Builtin, new Dictionary<string, string> { ["duration"] = SlotTypes.Duration }, [], []),
                new CatalogIntent(IntentUnderstanding.ChatIntent, IntentSource.Builtin, new Dictionary<string, string>(), [], []),
            ],
            Lists = new Dictionary<string, IReadOnlyList<ListEntry>>(),
            Responses = new Dictionary<string, string>(),
            Words = new LanguageWords(),
        };
        Service = new AskService(
            Scheduler,
            new LanguageCatalog([english]),
            new IntentCatalogs(Registry),
            new IntentUnderstanding(recognizers),
            new SkillCatalog([Timer, Chat]),
            new NoLists(),
            Registry,
            new LanguageModelCalls(Scheduler, _schedulers.Registry),
            TimeProvider.System);
    }

    public Scheduler Scheduler { get; }

    public IntentRegistry Registry { get; } = new();

    public FakeSkill Timer { get; } = new("timer.set");

    public FakeSkill Chat { get; } = new(IntentUnderstanding.ChatIntent, usesLanguageModel: true);

    public AskService Service { get; }

    public static AskRequest Request(string utterance, uint uid = 1000) => new(uid, utterance, null, TimeZoneInfo.Utc);

    public async ValueTask DisposeAsync() => await _schedulers.DisposeAsync();

    private sealed class NoLists : IListSource
    {
        public IReadOnlyList<ListEntry>? Find(string name, string language) => null;
    }
}

using LlmOs.Engine.Assistant;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Skills;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Tests.Assistant;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Tests.Speech;

/// <summary>
/// A <see cref="VoiceService"/> over fakes of the speech seams, a real scheduler and registry (whose models folder holds a
/// stand-in ggml Whisper file when <c>withWhisper</c>) and a real <see cref="AskService"/> whose understanding always
/// finds <c>timer.set</c> and whose skills record what they ran.
/// </summary>
internal sealed class VoiceHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _temp = new();

    public VoiceHarness(bool withWhisper, VoiceActivityOptions? activity = null, FakeCommandRecognizer? recognizer = null)
    {
        Recognizer = recognizer ?? new FakeCommandRecognizer();
        string models = _temp.Combine("models");
        Directory.CreateDirectory(models);
        if (withWhisper)
        {
            // The ggml magic and nothing else: the registry lists it as a speech model, the fake backend "loads" it.
            File.WriteAllBytes(Path.Combine(models, "fake-whisper.bin"), [0x6c, 0x6d, 0x67, 0x67, 0, 0, 0, 0]);
        }

        var registry = new ModelRegistry(new ModelRegistryOptions { ModelsDirectory = models, StateFile = _temp.Combine("state", "models.json") }, TimeProvider.System);
        Scheduler = new Scheduler(new FakeTextBackend(), registry, Store, new SchedulerOptions(), TimeProvider.System, NullLogger<Scheduler>.Instance,
            transcription: Whisper, synthesizer: Synthesizer);
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
        var languages = new LanguageCatalog([english]);
        var intents = new IntentRegistry();
        var asks = new AskService(
            Scheduler,
            languages,
            new IntentCatalogs(intents),
            new IntentUnderstanding([new FakeRecognizer("templates", 0.8, FakeRecognizer.Candidate("timer.set", 0.95))]),
            new SkillCatalog([Timer, Chat]),
            new NoLists(),
            intents,
            new LanguageModelCalls(Scheduler, registry),
            TimeProvider.System);
        Service = new VoiceService(Scheduler, asks, languages, Grammars, TimeProvider.System, NullLogger<VoiceService>.Instance, Recognizer, Synthesizer, activity);
    }

    public TaskStore Store { get; } = new(TimeProvider.System);

    public Scheduler Scheduler { get; }

    public VoiceService Service { get; }

    public FakeCommandRecognizer Recognizer { get; }

    public FakeCommandGrammars Grammars { get; } = new();

    public FakeTranscriptionBackend Whisper { get; } = new();

    public FakeSpeechSynthesizer Synthesizer { get; } = new();

    public FakeSkill Timer { get; } = new("timer.set");

    public FakeSkill Chat { get; } = new(IntentUnderstanding.ChatIntent, usesLanguageModel: true);

    public static VoiceRequest Request(AudioClip clip, uint uid = 1000) => new(uid, null, TimeZoneInfo.Utc) { Clip = clip };

    /// <summary>A second of a 440 Hz tone: something to hear.</summary>
    public static AudioClip Tone(double seconds = 1) => new(Signals.Tone(seconds, 0.3));

    public static List<TaskEvent> EventsOf(TaskRecord task)
    {
        var events = new List<TaskEvent>();
        task.Events.CopyFrom(0, events);
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await Scheduler.DisposeAsync();
        _temp.Dispose();
    }

    private sealed class NoLists : IListSource
    {
        public IReadOnlyList<ListEntry>? Find(string name, string language) => null;
    }
}

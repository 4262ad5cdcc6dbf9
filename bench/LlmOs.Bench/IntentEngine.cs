using LlmOs.Engine.Assistant;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Llama;
using LlmOs.Engine.Models;
using LlmOs.Engine.Onnx;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Skills;
using LlmOs.Engine.Skills.Alarms;
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

namespace LlmOs.Bench;

/// <summary>
/// The intent engine in-process, wired as llmosd wires it: the shipped languages, the built-in catalog, the apps of
/// the machine's .desktop files, the template, semantic (MiniLM through a scheduler) and language-model recognisers
/// with the benchmark's model as the default LLM, and the ask service over the built-in skills.
/// </summary>
public sealed class IntentEngine : IAsyncDisposable
{
    public const uint CallerUid = 1000;

    private readonly string _dir;
    private readonly Scheduler _scheduler;
    private readonly IntentCatalogs _catalogs;
    private readonly DesktopApps _apps;
    private readonly AlarmBook _alarms;

    private IntentEngine(string modelPath, int threads)
    {
        _dir = Directory.CreateTempSubdirectory("llmos-bench-intents-").FullName;
        string models = Path.Combine(_dir, "models");
        Directory.CreateDirectory(models);
        File.Copy(modelPath, Path.Combine(models, Path.GetFileName(modelPath)));
        var embeddings = new MiniLmEmbeddingBackend(new MiniLmOptions { Threads = threads }, NullLogger<MiniLmEmbeddingBackend>.Instance);
        var registry = new ModelRegistry(
            new ModelRegistryOptions { Builtin = embeddings.BuiltinModels, ModelsDirectory = models, StateFile = Path.Combine(_dir, "registry.json") },
            TimeProvider.System);
        _scheduler = new Scheduler(
            new LlamaBackend(new LlamaOptions { Threads = threads }, NullLogger<LlamaBackend>.Instance), registry, new TaskStore(TimeProvider.System),
            new SchedulerOptions(), TimeProvider.System, NullLogger<Scheduler>.Instance, embeddings: embeddings);
        Languages = LanguagePackLoader.Load([LanguagePackLoader.ShippedDirectory]);
        var intents = new IntentRegistry();
        _catalogs = new IntentCatalogs(intents);
        _apps = new DesktopApps(ApplicationDirectories());
        var calls = new LanguageModelCalls(_scheduler, registry);
        Understanding = new IntentUnderstanding([new TemplateRecognizer(), new SemanticRecognizer(_scheduler), new LanguageModelRecognizer(calls)]);
        _alarms = new AlarmBook(Path.Combine(_dir, "alarms.json"), TimeProvider.System, NullLogger<AlarmBook>.Instance);
        Ask = new AskService(
            _scheduler, Languages, _catalogs, Understanding, new SkillCatalog(BuiltinSkills.Create(_alarms, calls, TimeProvider.System, _apps)),
            _apps, intents, calls, TimeProvider.System);
    }

    public LanguageCatalog Languages { get; }

    public Scheduler Scheduler => _scheduler;

    public IntentCatalogs Catalogs => _catalogs;

    public DesktopApps Apps => _apps;

    public IntentUnderstanding Understanding { get; }

    public AskService Ask { get; }

    /// <summary>Builds the engine over a copy of <paramref name="modelPath"/>; the models load on first use.</summary>
    public static IntentEngine Create(string modelPath, int threads) => new(modelPath, threads);

    /// <summary>Loads the alarm book (the timer and reminder skills need it); throws when the skills cannot run.</summary>
    public Task StartSkillsAsync(CancellationToken cancellationToken) => _alarms.StartAsync(cancellationToken);

    /// <summary>The recognisers' context for one English utterance, as the ask service builds it.</summary>
    public RecognitionContext ContextFor(string utterance)
    {
        var language = Languages.For("en");
        var slots = new SlotContext(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.Local), TimeZoneInfo.Local, language, _apps);
        return new RecognitionContext(language.Normalize(utterance), language, _catalogs.For(CallerUid, language), slots, CallerUid);
    }

    public async ValueTask DisposeAsync()
    {
        await _scheduler.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The XDG application folders, as a session's launcher reads them.</summary>
    private static string[] ApplicationDirectories()
    {
        string home = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } h
            ? h
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        string dirs = Environment.GetEnvironmentVariable("XDG_DATA_DIRS") is { Length: > 0 } d ? d : "/usr/local/share:/usr/share";
        return [.. new[] { home }.Concat(dirs.Split(':', StringSplitOptions.RemoveEmptyEntries)).Select(dir => Path.Combine(dir, "applications"))];
    }
}

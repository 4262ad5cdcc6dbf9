using LlmOs.Daemon.Assistant;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.DBus;
using LlmOs.Daemon.Hosting;
using LlmOs.Daemon.Http;
using LlmOs.Daemon.Http.Intents;
using LlmOs.Daemon.Http.OpenAi;
using LlmOs.Daemon.Metrics;
using LlmOs.Daemon.Requests;
using LlmOs.Daemon.Security;
using LlmOs.Engine.Assistant;
using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Llama;
using LlmOs.Engine.Metrics;
using LlmOs.Engine.Models;
using LlmOs.Engine.Onnx;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Skills;
using LlmOs.Engine.Skills.Alarms;
using LlmOs.Engine.Skills.Desktop;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Tesseract;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.LanguageModel;
using LlmOs.Engine.Understanding.Semantic;
using LlmOs.Engine.Understanding.Slots;
using LlmOs.Engine.Understanding.Templates;
using LlmOs.Engine.Vision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace LlmOs.Daemon;

public sealed partial class LlmosDaemon
{
    private static void AddServices(IServiceCollection services, DaemonSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(typeof(Deferred<>));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DaemonInfo>();
        services.AddSingleton(new MiniLmOptions { Threads = settings.Threads });
        services.AddSingleton<IEmbeddingBackend, MiniLmEmbeddingBackend>();
        services.AddSingleton(sp => new ModelRegistryOptions
        {
            Builtin = sp.GetRequiredService<IEmbeddingBackend>().BuiltinModels,
            ModelsDirectory = Path.Combine(settings.DataDir, "models"),
            StateFile = Path.Combine(settings.DataDir, "registry.json"),
            Configured = [.. settings.Models.Select(m => new ModelDeclaration(m.Name, m.Path, m.Default, m.Labels))],
            DefaultModel = string.IsNullOrEmpty(settings.DefaultModel) ? null : settings.DefaultModel,
        });
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<TaskStore>();
        services.AddSingleton(new AdministratorRules(settings.Mode, DaemonUser.Uid));
        services.AddSingleton<IPolkitAuthority, PolkitAuthority>();
        services.AddSingleton<Administrators>();
        services.AddSingleton<TaskAccess>();
        services.AddSingleton<IntentRegistry>();
        services.AddSingleton<SocketIntentHandlers>();
        var machine = new MachineResources(settings);
        services.AddSingleton(machine);
        services.AddSingleton(new SchedulerOptions
        {
            QueueCapacity = settings.QueueCapacity,
            ParallelSequences = settings.ParallelSequences,
            ContextPerSequence = settings.ContextSize is > 0 ? settings.ContextSize : null, // 0 or less: unset
            KeepAlive = settings.KeepAliveSeconds < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(settings.KeepAliveSeconds),
            MemoryBudgetBytes = machine.MemoryBudgetBytes,
            GpuBudgetBytes = machine.GpuBudgetBytes,
            MaxQueuedPerUid = settings.MaxQueuedPerUid,
            MaxSequencesPerUid = settings.MaxSequencesPerUid,
            DailyTokensPerUid = settings.DailyTokensPerUid,
            OcrConcurrency = Math.Max(1, settings.OcrConcurrency),
        });
        services.AddSingleton(new LlamaOptions { Threads = settings.Threads });
        services.AddSingleton<ITextBackend, LlamaBackend>();
        services.AddSingleton<PrometheusEngineMetrics>();
        services.AddSingleton<IEngineMetrics>(sp => sp.GetRequiredService<PrometheusEngineMetrics>());
        AddVision(services, settings);
        AddSpeech(services, settings);
        services.AddSingleton<Scheduler>(); // takes the vision backend and the OCR engine registered above
        services.AddSingleton<SchedulerGauges>();
        services.AddSingleton<MetricsExporter>();
        services.AddSingleton<TaskRequestValidator>();
        services.AddSingleton<TaskSubmitter>();
        services.AddSingleton<CallerLimits>();
        services.AddSingleton<AskCalls>();
        services.AddSingleton<VisionCalls>();
        services.AddSingleton<CapabilityReporter>();
        services.AddSingleton<StatusReporter>();
        services.AddSingleton<OpenAiRequestValidator>();
        services.AddSingleton<SystemdNotifications>();
        services.AddHostedService(sp => sp.GetRequiredService<SystemdNotifications>());
        services.AddHostedService<TaskRetention>();
        AddAssistant(services, settings);
        AddBus(services, settings);
    }

    /// <summary>Images: decoding at the boundary, ONNX image classifiers, tesseract's text recognition.</summary>
    private static void AddVision(IServiceCollection services, DaemonSettings settings)
    {
        services.AddSingleton<IImageDecoder, SkiaImageDecoder>();
        services.AddSingleton(new OnnxVisionOptions { Threads = settings.Threads });
        services.AddSingleton<IVisionBackend, OnnxVisionBackend>();
        services.AddSingleton(new TesseractOptions { MaxConcurrency = Math.Max(1, settings.OcrConcurrency) });
        services.AddSingleton<IOcrEngine, TesseractOcrEngine>(); // the container disposes it, and its tesseract instances
        services.AddSingleton<ImageInput>();
    }

    /// <summary>The intent engine: languages, catalogs, recognisers in order, skills, alarms and their due events.</summary>
    private static void AddAssistant(IServiceCollection services, DaemonSettings settings)
    {
        services.AddSingleton(sp => LanguagePackLoader.Load(
            [LanguagePackLoader.ShippedDirectory, Path.Combine(settings.DataDir, "languages")],
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LanguagePackLoader).FullName!)));
        services.AddSingleton<IntentCatalogs>();
        services.AddSingleton(_ => new DesktopApps(ApplicationDirectories.For(settings.Mode, Environment.GetEnvironmentVariable)));
        services.AddSingleton<IListSource>(sp => sp.GetRequiredService<DesktopApps>());
        services.AddSingleton(sp => new AlarmBook(
            Path.Combine(settings.DataDir, "alarms.json"), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AlarmBook>>()));
        services.AddSingleton<LanguageModelCalls>();
        services.AddSingleton(sp => new SkillCatalog(BuiltinSkills.Create(
            sp.GetRequiredService<AlarmBook>(),
            sp.GetRequiredService<LanguageModelCalls>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DesktopApps>())));
        services.AddSingleton<TemplateRecognizer>();
        services.AddSingleton<SemanticRecognizer>();
        services.AddSingleton<LanguageModelRecognizer>();
        services.AddSingleton(sp => new IntentUnderstanding(
        [
            sp.GetRequiredService<TemplateRecognizer>(),
            sp.GetRequiredService<SemanticRecognizer>(),
            sp.GetRequiredService<LanguageModelRecognizer>(),
        ]));
        services.AddSingleton<AskService>();
        services.AddSingleton<DueEvents>();
        services.AddHostedService<AlarmStartup>();
        services.AddHostedService<SemanticWarmUp>();
    }

    /// <summary>The D-Bus service (DBus/): its objects always exist; it joins a bus unless told <c>--bus none</c>.</summary>
    private static void AddBus(IServiceCollection services, DaemonSettings settings)
    {
        services.AddSingleton<BusPeers>();
        services.AddSingleton<TaskSignals>();
        services.AddSingleton<DueSignals>();
        services.AddSingleton<DaemonObject>();
        services.AddSingleton<TaskObjects>();
        if (settings.EffectiveBus != DaemonBus.None)
        {
            services.AddHostedService<BusService>();
        }
    }

    private static void ConfigureLogging(ILoggingBuilder logging, DaemonSettings settings)
    {
        logging.ClearProviders();
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (SystemdHelpers.IsSystemdService())
        {
            // journald adds its own timestamps; the systemd formatter adds <N> priority prefixes.
            logging.AddConsole(o => o.FormatterName = ConsoleFormatterNames.Systemd);
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }

        logging.SetMinimumLevel(Enum.TryParse<LogLevel>(settings.LogLevel, ignoreCase: true, out var level) ? level : LogLevel.Information);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
    }
}

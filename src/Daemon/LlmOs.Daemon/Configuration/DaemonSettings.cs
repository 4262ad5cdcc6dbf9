namespace LlmOs.Daemon.Configuration;

/// <summary>
/// Everything llmosd can be told. Sources, later wins: the JSON file, <c>LLMOSD_*</c> environment
/// variables (for example <c>LLMOSD_QUEUECAPACITY=64</c>), then command-line options.
/// </summary>
public sealed class DaemonSettings
{
    public DaemonMode Mode { get; set; } = DaemonMode.User;

    /// <summary>The Unix socket the API listens on; empty means the mode's default.</summary>
    public string Socket { get; set; } = "";

    /// <summary>The state folder (models, registry); empty means the mode's default.</summary>
    public string DataDir { get; set; } = "";

    public string LogLevel { get; set; } = "Information";

    /// <summary>The bus llmosd serves D-Bus clients on; null means the mode's (session in user mode, system in system mode).</summary>
    public DaemonBus? Bus { get; set; }

    /// <summary>The bus in force: <see cref="Bus"/>, else the mode's.</summary>
    public DaemonBus EffectiveBus => Bus ?? (Mode == DaemonMode.System ? DaemonBus.System : DaemonBus.Session);

    public int QueueCapacity { get; set; } = 256;

    /// <summary>How long running tasks may go on after SIGTERM before they are cancelled.</summary>
    public double ShutdownGraceSeconds { get; set; } = 10;

    /// <summary>How long a finished task stays readable.</summary>
    public double TaskRetentionMinutes { get; set; } = 10;

    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    public int MaxPromptChars { get; set; } = 64 * 1024;

    /// <summary>
    /// The largest image file a request may carry, in bytes (raw on <c>/v1/images/*</c> and D-Bus, base64 in JSON bodies,
    /// whose limit rises by its base64 size on the endpoints that take images); larger ones are <c>too_large</c>.
    /// </summary>
    public long MaxImageBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>The most pixels an image may declare (width × height), checked before decoding; more is <c>too_large</c>.</summary>
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>The largest audio file a request may carry, in bytes (raw, base64 in JSON, D-Bus bytes or a descriptor); larger is <c>too_large</c>.</summary>
    public long MaxAudioBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>The longest audio a request may carry, in seconds, checked from its header before its samples are read.</summary>
    public double MaxAudioSeconds { get; set; } = 600;

    /// <summary>The limits <see cref="MaxAudioBytes"/> and <see cref="MaxAudioSeconds"/> as the audio decoder takes them.</summary>
    public Engine.Speech.AudioLimits AudioLimits() => new()
    {
        MaxBytes = MaxAudioBytes,
        MaxDuration = TimeSpan.FromSeconds(MaxAudioSeconds),
    };

    /// <summary>Text recognitions that run at once, each with its own tesseract instance (and a core).</summary>
    public int OcrConcurrency { get; set; } = 1;

    /// <summary>The longest utterance an ask takes, in UTF-16 characters; longer ones are refused as <c>too_large</c>.</summary>
    public int MaxUtteranceChars { get; set; } = 4096;

    /// <summary>
    /// Whether llmosd embeds the intents' example sentences in the background at start, so that the first utterance
    /// the templates do not catch is not kept waiting about a second for them.
    /// </summary>
    public bool WarmUpIntents { get; set; } = true;

    public int MaxTokensLimit { get; set; } = 4096;

    public int DefaultMaxTokens { get; set; } = 256;

    /// <summary>
    /// Tokens each generation may hold (prompt and output). Unset: the model's trained context, at most 2048.
    /// Set: exactly that, even past what the model was trained on (llama.cpp runs it; the output may degrade).
    /// </summary>
    public int? ContextSize { get; set; }

    /// <summary>Generations one loaded model runs together in a batch.</summary>
    public int ParallelSequences { get; set; } = 4;

    /// <summary>How long an idle model stays loaded; 0 unloads after each request, negative keeps models loaded.</summary>
    public double KeepAliveSeconds { get; set; } = 300;

    /// <summary>RAM that loaded models may take together, in MiB; 0 means <see cref="MemoryFraction"/> of MemAvailable at start.</summary>
    public long MemoryBudgetMiB { get; set; }

    public double MemoryFraction { get; set; } = 0.75;

    /// <summary>The share of the GPUs' free memory that models may take, when a GPU is found.</summary>
    public double GpuMemoryFraction { get; set; } = 0.9;

    /// <summary>Per-client (uid) limits; 0 means no limit.</summary>
    public int MaxQueuedPerUid { get; set; }

    public int MaxSequencesPerUid { get; set; }

    public long DailyTokensPerUid { get; set; }

    /// <summary>CPU threads for a model; 0 means one core less than the machine has (at least one).</summary>
    public int Threads { get; set; }

    public string? DefaultModel { get; set; }

    public List<ModelSetting> Models { get; set; } = [];

    /// <summary>In system mode the socket's group (mode 0660), when that group exists.</summary>
    public string SocketGroup { get; set; } = "llmos";
}

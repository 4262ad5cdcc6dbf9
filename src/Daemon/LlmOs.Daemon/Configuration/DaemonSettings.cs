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

    public int QueueCapacity { get; set; } = 256;

    /// <summary>How long running tasks may go on after SIGTERM before they are cancelled.</summary>
    public double ShutdownGraceSeconds { get; set; } = 10;

    /// <summary>How long a finished task stays readable.</summary>
    public double TaskRetentionMinutes { get; set; } = 10;

    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    public int MaxPromptChars { get; set; } = 64 * 1024;

    public int MaxTokensLimit { get; set; } = 4096;

    public int DefaultMaxTokens { get; set; } = 256;

    public int ContextSize { get; set; } = 2048;

    /// <summary>CPU threads for a model; 0 means one core less than the machine has (at least one).</summary>
    public int Threads { get; set; }

    public string? DefaultModel { get; set; }

    public List<ModelSetting> Models { get; set; } = [];

    /// <summary>In system mode the socket's group (mode 0660), when that group exists.</summary>
    public string SocketGroup { get; set; } = "llmos";
}

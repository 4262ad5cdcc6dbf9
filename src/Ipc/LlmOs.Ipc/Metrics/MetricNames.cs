namespace LlmOs.Ipc.Metrics;

/// <summary>
/// The names <c>GET /metrics</c> exports (the daemon writes them, llmosctl top reads them); scripts and dashboards
/// depend on them, so they do not change. Label names and values are the wire's words: <c>kind</c> (generate, embed),
/// <c>outcome</c> (completed, failed, cancelled), <c>priority</c> (interactive, background), <c>model</c>.
/// </summary>
public static class MetricNames
{
    public const string Tasks = "llmos_tasks_total";
    public const string TasksRunning = "llmos_tasks_running";
    public const string QueueDepth = "llmos_queue_depth";
    public const string TokensGenerated = "llmos_tokens_generated_total";
    public const string TimeToFirstToken = "llmos_time_to_first_token_seconds";
    public const string TokenInterval = "llmos_token_interval_seconds";
    public const string ModelLoad = "llmos_model_load_seconds";
    public const string ModelResidentBytes = "llmos_model_resident_bytes";
    public const string ModelActiveSequences = "llmos_model_active_sequences";

    /// <summary>The daemon process's working set (prometheus-net's process metrics).</summary>
    public const string ProcessWorkingSetBytes = "process_working_set_bytes";

    public const string ProcessCpuSeconds = "process_cpu_seconds_total";
}

namespace LlmOs.Engine.Scheduling;

public sealed class SchedulerOptions
{
    /// <summary>How many tasks may wait, across all models and clients, before new ones are refused as busy.</summary>
    public int QueueCapacity { get; init; } = 256;

    /// <summary>How many generations one loaded text model runs together in one batch.</summary>
    public int ParallelSequences { get; init; } = 4;

    /// <summary>
    /// Tokens each sequence may hold (prompt and output). Unset: the model's trained context, at most
    /// <see cref="DefaultContextPerSequence"/>. Set: exactly that, even past the trained context, as llama.cpp's own
    /// <c>-c</c> allows (the model's output may degrade there; the load logs a warning).
    /// </summary>
    public int? ContextPerSequence { get; init; }

    public const int DefaultContextPerSequence = 2048;

    /// <summary>How long an idle model stays loaded unless a request asks otherwise. Negative: forever.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Bytes of RAM loaded models may take together.</summary>
    public long MemoryBudgetBytes { get; init; } = 8L << 30;

    /// <summary>Bytes of GPU memory loaded models may take together (0 without a usable GPU).</summary>
    public long GpuBudgetBytes { get; init; }

    /// <summary>Tasks one client (uid) may have waiting; 0 for no limit beyond <see cref="QueueCapacity"/>.</summary>
    public int MaxQueuedPerUid { get; init; }

    /// <summary>Sequences one client may have generating at once, across models; 0 for no limit.</summary>
    public int MaxSequencesPerUid { get; init; }

    /// <summary>Tokens one client may generate per day (local midnight to midnight); 0 for no limit.</summary>
    public long DailyTokensPerUid { get; init; }

    /// <summary>The first wait after a model failed to load; it doubles with each further failure up to <see cref="LoadBackoffMax"/>.</summary>
    public TimeSpan LoadBackoff { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan LoadBackoffMax { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an app's intent handler may take to answer before its task fails.</summary>
    public TimeSpan IntentHandlerTimeout { get; init; } = Scheduler.IntentHandlerTimeout;

    /// <summary>
    /// Intent tasks one uid may have waiting for their handlers at once; more get busy. They need no model and start at
    /// once, so the queue limits do not bound them, while each holds a call to an app open for up to the timeout.
    /// </summary>
    public int MaxIntentsPerUid { get; init; } = 16;

    /// <summary>
    /// Text recognitions (OCR tasks) run at once; more wait in their fair queue. Tesseract keeps a core busy per
    /// recognition, so one at a time by default leaves the other cores to the models.
    /// </summary>
    public int OcrConcurrency { get; init; } = 1;

    /// <summary>
    /// Speech syntheses (speak tasks, and voice tasks' spoken replies) run at once; more wait in their fair queue.
    /// espeak-ng is fast and serialises its native engine itself, so a couple at once only overlaps their copying.
    /// </summary>
    public int SpeakConcurrency { get; init; } = 2;
}

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// Whether the scheduler still makes progress: no worker has a single step (one native call) that has run longer than
/// the bound it was checked against. When one has, <see cref="Worker"/> names it (a model, or "tesseract" for OCR) and
/// <see cref="Running"/> says how long its step has run; otherwise they describe the longest step running now, if any.
/// </summary>
public sealed record SchedulerLiveness(bool IsResponsive, string? Worker, TimeSpan Running)
{
    public static SchedulerLiveness Idle { get; } = new(true, null, TimeSpan.Zero);
}

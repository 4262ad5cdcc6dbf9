namespace LlmOs.Ipc.Events;

/// <summary>
/// A timer or reminder of the caller that fell due (SSE event <c>due</c> on <c>GET /v1/events</c>, D-Bus signal
/// <c>Due(a{sv})</c>): its <c>id</c>, <c>kind</c> (<c>timer</c> or <c>reminder</c>), <c>label</c> (the timer's name or
/// what to remember; empty for an anonymous timer), when it was due and when it fired, <c>late</c> when it fell due while
/// llmosd was not running and fired on start, and a timer's <c>duration_seconds</c>.
/// </summary>
public sealed record DueEventDto(
    string Id,
    string Kind,
    string Label,
    DateTimeOffset DueAt,
    DateTimeOffset FiredAt,
    bool Late,
    long? DurationSeconds = null);

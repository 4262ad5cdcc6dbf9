namespace LlmOs.Daemon.Security;

/// <summary>
/// Whom polkit is asked about: polkit's <c>unix-process</c> subject. The start time (field 22 of
/// <c>/proc/PID/stat</c>, in clock ticks since boot) tells a process from a later one that reuses its pid; 0 lets
/// polkitd look it up itself, which is polkit's documented meaning of 0.
/// </summary>
internal readonly record struct PolkitSubject(uint Pid, ulong StartTime, uint Uid);

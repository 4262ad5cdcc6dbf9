namespace LlmOs.Daemon.Security;

/// <summary>
/// A caller of an administrative operation: its uid (from the kernel, through SO_PEERCRED or the bus) and how to learn
/// its pid, which only polkit needs — so a D-Bus caller's pid is asked of the bus only when polkit is asked.
/// </summary>
internal readonly record struct AdminCaller(uint Uid, Func<CancellationToken, Task<uint>> ProcessIdAsync)
{
    public static AdminCaller WithPid(uint uid, uint pid) => new(uid, _ => Task.FromResult(pid));
}

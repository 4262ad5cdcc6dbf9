namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>
/// A generation that outlasts any test, for tests that need a task still running when they act on it.
/// Test daemons get a 65536-token context (<see cref="DaemonProcess"/>), and stories260K slows with every token
/// past its trained 2048: these tokens take it many minutes, where the 2048 a default context allows took well
/// under a second on a fast machine and made "still running" a race. Tests cancel it, or the daemon's end does.
/// </summary>
public static class LongGeneration
{
    public const int Tokens = 60_000;

    /// <summary>The context (and the max_tokens limit) test daemons run with, unless a test sets its own.</summary>
    public const int Context = 65_536;
}

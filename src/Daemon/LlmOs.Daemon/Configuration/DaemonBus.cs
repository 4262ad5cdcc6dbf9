namespace LlmOs.Daemon.Configuration;

/// <summary>Which message bus llmosd joins as <c>org.llmos.Daemon</c> (DESIGN.md, "Modes").</summary>
public enum DaemonBus
{
    /// <summary>The user's session bus; the default in user mode.</summary>
    Session,

    /// <summary>The system bus; the default in system mode.</summary>
    System,

    /// <summary>No bus: the socket API only.</summary>
    None,
}

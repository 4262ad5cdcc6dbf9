namespace LlmOs.Daemon.Configuration;

/// <summary>User mode serves one user's session; system mode is what the systemd unit runs (DESIGN.md, "Modes").</summary>
public enum DaemonMode
{
    User,
    System,
}

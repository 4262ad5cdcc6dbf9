namespace LlmOs.Daemon.Hosting;

/// <summary>The socket path is taken by a live daemon (or by something that is not a socket).</summary>
public sealed class DaemonAlreadyRunningException(string message) : Exception(message);

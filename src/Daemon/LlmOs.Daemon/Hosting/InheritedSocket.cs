namespace LlmOs.Daemon.Hosting;

/// <summary>A listening Unix socket systemd passed: its descriptor, the path it is bound to, and its name (LISTEN_FDNAMES), if any.</summary>
internal sealed record InheritedSocket(int Fd, string Path, string? Name);

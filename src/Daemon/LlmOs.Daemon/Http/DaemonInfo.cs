using System.Reflection;

namespace LlmOs.Daemon.Http;

/// <summary>The daemon's version and how long it has been up.</summary>
internal sealed class DaemonInfo(TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();

    public string Version { get; } = typeof(DaemonInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public TimeSpan Uptime => time.GetElapsedTime(_started);
}

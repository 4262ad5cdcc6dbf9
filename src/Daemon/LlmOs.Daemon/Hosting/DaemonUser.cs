using System.Runtime.InteropServices;

namespace LlmOs.Daemon.Hosting;

/// <summary>The uid llmosd runs as (.NET has no API for it).</summary>
internal static partial class DaemonUser
{
    public static uint Uid { get; } = GetEffectiveUid();

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUid();
}

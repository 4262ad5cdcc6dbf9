using LlmOs.Daemon.Configuration;

namespace LlmOs.Daemon.Security;

/// <summary>
/// Who is an administrator without asking polkit, and how long polkit may take. The timeout is not "a few seconds":
/// with user interaction allowed, polkit answers only after a person has typed a password into an agent's dialog, so
/// it is D-Bus's usual reply timeout (25 s); an unreachable polkit fails at once, whatever the timeout.
/// </summary>
internal sealed record AdministratorRules(DaemonMode Mode, uint DaemonUid)
{
    public const string Action = "org.llmos.manage";

    public TimeSpan PolkitTimeout { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>Root always; in user mode also the user llmosd runs as (it administers its own models).</summary>
    public bool IsAdministratorByIdentity(uint uid) => uid == 0 || (Mode == DaemonMode.User && uid == DaemonUid);
}

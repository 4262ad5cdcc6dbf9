using LlmOs.Engine.Errors;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Security;

/// <summary>
/// Decides who may run administrative operations (adding models, other users' tasks) on both transports: root, in user
/// mode the daemon's own user, or whoever polkit authorises for <c>org.llmos.manage</c>. Anything short of polkit's yes
/// — no polkit on the bus, an error, no answer in time — is a no (fail closed). A yes is not cached: polkit's own
/// auth_admin_keep already spares a person a second password, and a cache of ours would outlive a changed rule.
/// </summary>
internal sealed class Administrators(IPolkitAuthority polkit, AdministratorRules rules, ILogger<Administrators> logger)
{
    public const string Action = AdministratorRules.Action;

    /// <summary>Refuses with <c>forbidden</c> unless <paramref name="caller"/> is an administrator; <paramref name="operation"/> names what was refused.</summary>
    public async ValueTask EnsureAsync(AdminCaller caller, string operation, CancellationToken cancellationToken)
    {
        var verdict = await DecideAsync(caller, cancellationToken).ConfigureAwait(false);
        if (verdict != Verdict.Yes)
        {
            string why = verdict == Verdict.PolkitUnavailable ? " (polkit could not be asked, so it is refused)" : "";
            throw new EngineException(ErrorKind.Forbidden, $"{operation} needs root or the polkit action {Action}{why}");
        }
    }

    public async ValueTask<bool> IsAdministratorAsync(AdminCaller caller, CancellationToken cancellationToken) =>
        await DecideAsync(caller, cancellationToken).ConfigureAwait(false) == Verdict.Yes;

    private async ValueTask<Verdict> DecideAsync(AdminCaller caller, CancellationToken cancellationToken)
    {
        if (rules.IsAdministratorByIdentity(caller.Uid))
        {
            return Verdict.Yes;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(rules.PolkitTimeout);
        try
        {
            uint pid = await caller.ProcessIdAsync(timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
            ulong? startTime = ProcessStartTime.Read(pid);
            if (startTime is null)
            {
                SecurityLog.NoStartTime(logger, pid);
            }

            var subject = new PolkitSubject(pid, startTime ?? 0, caller.Uid);
            bool authorized = await polkit.CheckAuthorizationAsync(subject, Action, timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
            if (authorized)
            {
                SecurityLog.Authorized(logger, Action, caller.Uid, pid);
                return Verdict.Yes;
            }

            SecurityLog.NotAuthorized(logger, Action, caller.Uid, pid);
            return Verdict.No;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            SecurityLog.PolkitTimedOut(logger, Action, caller.Uid, rules.PolkitTimeout.TotalSeconds);
            return Verdict.PolkitUnavailable;
        }
#pragma warning disable CA1031 // fail closed: whatever went wrong asking polkit (no bus, no polkitd, an error reply), the answer is no
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            SecurityLog.PolkitFailed(logger, Action, caller.Uid, e.Message);
            return Verdict.PolkitUnavailable;
        }
    }

    private enum Verdict
    {
        Yes,
        No,
        PolkitUnavailable,
    }
}

using LlmOs.Daemon.Hosting;
using LlmOs.Engine.Errors;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// Who may change the model registry, on every transport: root, and the user llmosd runs as (a user-mode daemon's
/// own user). Adding a model makes the daemon open a file of the caller's choosing, so in system mode nobody else
/// may; a polkit action for administrators comes with packaging (issue 8).
/// </summary>
internal static class ModelPermissions
{
    public static void EnsureMayAddModels(uint caller)
    {
        if (caller != 0 && caller != DaemonUser.Uid)
        {
            throw new EngineException(ErrorKind.Forbidden, "adding models is for root (the administrator) or the user llmosd runs as");
        }
    }
}

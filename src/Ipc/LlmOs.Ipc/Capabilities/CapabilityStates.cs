namespace LlmOs.Ipc.Capabilities;

/// <summary>Whether a kind of work can be asked for now (after Android AICore's checkStatus, Windows' GetReadyState).</summary>
public static class CapabilityStates
{
    /// <summary>It runs now: a model that does it is loaded (or it needs none).</summary>
    public const string Ready = "ready";

    /// <summary>It will run: a model that does it is installed; the first request loads it.</summary>
    public const string Available = "available";

    /// <summary>Nothing installed can do it; installing a model would make it available.</summary>
    public const string NeedsModel = "needs-model";

    /// <summary>This machine or this build of llmosd cannot do it at all.</summary>
    public const string Unavailable = "unavailable";
}

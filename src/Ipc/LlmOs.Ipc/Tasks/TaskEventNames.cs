namespace LlmOs.Ipc.Tasks;

/// <summary>The Server-Sent Event names of a task stream, in the order they come.</summary>
public static class TaskEventNames
{
    public const string Queued = "queued";
    public const string Started = "started";
    public const string Delta = "delta";

    /// <summary>A voice task's transcript so far (<c>text</c>).</summary>
    public const string Transcript = "transcript";

    /// <summary>A voice task's recognised intent (<c>text</c> is its name), before its handler runs.</summary>
    public const string Intent = "intent";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsFinal(string name) => name is Completed or Failed or Cancelled;
}

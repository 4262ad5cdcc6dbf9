namespace LlmOs.Ipc.Tasks;

/// <summary>Values of <see cref="TaskDto.State"/>.</summary>
public static class TaskStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsFinal(string state) => state is Completed or Failed or Cancelled;
}

namespace LlmOs.Ipc.DBus;

/// <summary>llmosd's names on the bus (DESIGN.md), shared by the service and its clients.</summary>
public static class DBusNames
{
    public const string Service = "org.llmos.Daemon";
    public const string DaemonPath = "/org/llmos/Daemon";
    public const string DaemonInterface = "org.llmos.Daemon1";
    public const string TaskPathPrefix = "/org/llmos/Task/";
    public const string TaskPathRoot = "/org/llmos/Task";
    public const string TaskInterface = "org.llmos.Task1";
    public const string IntentHandlerInterface = "org.llmos.IntentHandler1";

    /// <summary>The object of a task; task ids are lower-case hex, which object paths allow as they are.</summary>
    public static string TaskPath(string taskId) => TaskPathPrefix + taskId;

    /// <summary>The task id in a task's object path, or null when the path is not one.</summary>
    public static string? TaskId(string path) =>
        path.StartsWith(TaskPathPrefix, StringComparison.Ordinal) && path.Length > TaskPathPrefix.Length && path.IndexOf('/', TaskPathPrefix.Length) < 0
            ? path[TaskPathPrefix.Length..]
            : null;
}

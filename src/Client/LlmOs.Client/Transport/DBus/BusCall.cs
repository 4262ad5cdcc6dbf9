using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Errors;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>Where a method call goes: llmosd's object and a member of <c>org.llmos.Daemon1</c>, or a task object's <c>org.llmos.Task1</c>.</summary>
internal readonly record struct BusCall(string Path, string Interface, string Member, string? Signature = null)
{
    public static BusCall Daemon(string member, string? signature = null) => new(DBusNames.DaemonPath, DBusNames.DaemonInterface, member, signature);

    public static BusCall Task(string taskId, string member) => new(TaskPath(taskId), DBusNames.TaskInterface, member);

    /// <summary>The object of a task id; an id that cannot be one (task ids are hex) is a task that does not exist.</summary>
    public static string TaskPath(string taskId) =>
        taskId.Length > 0 && taskId.All(char.IsAsciiLetterOrDigit)
            ? DBusNames.TaskPath(taskId)
            : throw new LlmosException(ErrorCodes.NotFound, $"no task '{taskId}'");

    /// <summary>The task id in a task object's path.</summary>
    public static string TaskId(string path) =>
        DBusNames.TaskId(path) ?? throw new LlmosException(ErrorCodes.Internal, $"llmosd answered with '{path}', which is no task object");

    /// <summary>Sends the call to llmosd on <paramref name="connection"/> and reads its reply with <paramref name="read"/>.</summary>
    public Task<T> InvokeAsync<TArguments, T>(DBusConnection connection, TArguments arguments, ArgumentWriter<TArguments> write, MessageValueReader<T> read, object? readerState)
    {
        var writer = connection.GetMessageWriter();
        MessageBuffer message;
        try
        {
            writer.WriteMethodCallHeader(DBusNames.Service, Path, Interface, Member, Signature, MessageFlags.None);
            write(ref writer, arguments);
            message = writer.CreateMessage();
        }
        finally
        {
            writer.Dispose();
        }

        return connection.CallMethodAsync(message, read, readerState);
    }
}

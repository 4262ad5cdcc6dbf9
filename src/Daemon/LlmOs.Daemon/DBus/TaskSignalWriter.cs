using LlmOs.Daemon.Requests;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Tasks;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// The signals of a task object, each addressed to one connection (unicast: a task's text is its owner's) and the
/// values of its <c>org.llmos.Task1</c> properties, which PropertiesChanged and Get share.
/// </summary>
internal static class TaskSignalWriter
{
    private const string PropertiesInterface = "org.freedesktop.DBus.Properties";

    /// <summary>Sends <c>Delta(s text)</c>; false when the connection is closed.</summary>
    public static bool Delta(DBusConnection connection, string destination, string path, string text) =>
        Text(connection, destination, path, "Delta", text);

    /// <summary>Sends a signal of one string (<c>Delta</c>, <c>Transcript</c>, <c>Intent</c>); false when the connection is closed.</summary>
    public static bool Text(DBusConnection connection, string destination, string path, string member, string text)
    {
        var writer = connection.GetMessageWriter();
        try
        {
            writer.WriteSignalHeader(destination, path, DBusNames.TaskInterface, member, "s");
            writer.WriteString(text);
            return connection.TrySendMessage(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Sends <c>PropertiesChanged</c>: the state, and at the end the result and the error too.</summary>
    public static bool PropertiesChanged(DBusConnection connection, string destination, string path, TaskDto task)
    {
        var writer = connection.GetMessageWriter();
        try
        {
            writer.WriteSignalHeader(destination, path, PropertiesInterface, "PropertiesChanged", "sa{sv}as");
            writer.WriteString(DBusNames.TaskInterface);
            var changed = writer.WriteDictionaryStart();
            writer.WriteDictionaryEntryStart();
            writer.WriteString("State");
            writer.WriteVariantString(task.State);
            if (TaskStates.IsFinal(task.State))
            {
                writer.WriteDictionaryEntryStart();
                writer.WriteString("Result");
                WriteResult(ref writer, task);
                writer.WriteDictionaryEntryStart();
                writer.WriteString("Error");
                WriteError(ref writer, task);
            }

            writer.WriteDictionaryEnd(changed);
            var invalidated = writer.WriteArrayStart(DBusType.String);
            writer.WriteArrayEnd(invalidated);
            return connection.TrySendMessage(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Sends <c>Finished(s state, a{sv} task)</c> with the whole task, as GetTask returns it.</summary>
    public static bool Finished(DBusConnection connection, string destination, string path, TaskDto task)
    {
        var writer = connection.GetMessageWriter();
        try
        {
            writer.WriteSignalHeader(destination, path, DBusNames.TaskInterface, "Finished", "sa{sv}");
            writer.WriteString(task.State);
            DBusDictionaryWriter.Write(ref writer, task, IpcJsonContext.Default.TaskDto);
            return connection.TrySendMessage(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>One Task1 property as a variant; false for a name Task1 does not have.</summary>
    public static bool WriteProperty(ref MessageWriter writer, string name, TaskRecord task)
    {
        switch (name)
        {
            case "Id":
                writer.WriteVariantString(task.Id);
                return true;
            case "Kind":
                writer.WriteVariantString(DtoMapper.Kind(task.Kind));
                return true;
            case "Model":
                writer.WriteVariantString(task.Model);
                return true;
            case "State":
                writer.WriteVariantString(DtoMapper.State(task.State));
                return true;
            case "Result":
                WriteResult(ref writer, DtoMapper.ToDto(task));
                return true;
            case "Error":
                WriteError(ref writer, DtoMapper.ToDto(task));
                return true;
            default:
                return false;
        }
    }

    /// <summary>The result as an a{sv} variant: the socket's task.result, or {} before the task completed.</summary>
    private static void WriteResult(ref MessageWriter writer, TaskDto task)
    {
        writer.WriteSignature("a{sv}");
        if (task.Result is { } result)
        {
            DBusDictionaryWriter.Write(ref writer, result, IpcJsonContext.Default.TaskResultDto);
        }
        else
        {
            writer.WriteDictionaryEnd(writer.WriteDictionaryStart());
        }
    }

    private static void WriteError(ref MessageWriter writer, TaskDto task)
    {
        writer.WriteSignature("a{sv}");
        if (task.Error is { } error)
        {
            DBusDictionaryWriter.Write(ref writer, error, IpcJsonContext.Default.ErrorDto);
        }
        else
        {
            writer.WriteDictionaryEnd(writer.WriteDictionaryStart());
        }
    }
}

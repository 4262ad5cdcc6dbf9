using System.Text.Json;
using LlmOs.Ipc;
using LlmOs.Ipc.DBus;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>
/// Reads the signals of task objects into <see cref="TaskSignal"/>s. It runs on the connection's read loop, where an
/// exception would drop the connection, so anything unexpected (a signal from someone who is not llmosd, a wrong
/// signature) reads as <see cref="TaskSignal.Ignored"/> instead of throwing.
/// </summary>
internal static class TaskSignalReader
{
    private const string PropertiesInterface = "org.freedesktop.DBus.Properties";

    /// <summary>A <see cref="MessageValueReader{T}"/>; <paramref name="state"/> is the <see cref="TaskSignalRouter"/>.</summary>
    public static TaskSignal Read(Message message, object? state)
    {
        try
        {
            if (state is not TaskSignalRouter router || !router.IsFromDaemon(message.SenderAsString))
            {
                return TaskSignal.Ignored; // a unicast signal skips the bus's sender filter: anyone could send one
            }

            string path = message.PathAsString ?? "";
            string? member = message.MemberAsString;
            string? signature = message.SignatureAsString;
            var reader = message.GetBodyReader();
            return message.InterfaceAsString switch
            {
                DBusNames.TaskInterface => member switch
                {
                    "Delta" when signature == "s" => new TaskSignal(TaskSignalKind.Delta, path, Text: reader.ReadString()),
                    "Transcript" when signature == "s" => new TaskSignal(TaskSignalKind.Transcript, path, Text: reader.ReadString()),
                    "Intent" when signature == "s" => new TaskSignal(TaskSignalKind.Intent, path, Text: reader.ReadString()),
                    "Progress" when signature == "ds" => new TaskSignal(TaskSignalKind.Progress, path, Fraction: reader.ReadDouble(), Text: reader.ReadString()),
                    "Finished" when signature == "sa{sv}" => Finished(path, ref reader),
                    _ => TaskSignal.Ignored,
                },
                PropertiesInterface when member == "PropertiesChanged" && signature == "sa{sv}as" => StateChanged(path, ref reader),
                _ => TaskSignal.Ignored,
            };
        }
#pragma warning disable CA1031 // whatever a malformed message throws, the read loop must go on
        catch (Exception)
#pragma warning restore CA1031
        {
            return TaskSignal.Ignored;
        }
    }

    private static TaskSignal Finished(string path, ref Reader reader)
    {
        string state = reader.ReadString();
        var dictionary = reader.ReadDictionaryOfStringToVariantValue();
        try
        {
            return new TaskSignal(TaskSignalKind.Finished, path, State: state, Task: DBusDictionaryReader.Read(dictionary, IpcJsonContext.Default.TaskDto));
        }
        catch (Exception e) when (e is JsonException or FormatException or NotSupportedException)
        {
            // The end still counts; the follower reads the task with GetTask instead.
            return new TaskSignal(TaskSignalKind.Finished, path, State: state);
        }
    }

    private static TaskSignal StateChanged(string path, ref Reader reader)
    {
        if (reader.ReadString() != DBusNames.TaskInterface)
        {
            return TaskSignal.Ignored;
        }

        var changed = reader.ReadDictionaryOfStringToVariantValue();
        return changed.TryGetValue("State", out var state) && state.Type == VariantValueType.String
            ? new TaskSignal(TaskSignalKind.StateChanged, path, State: state.GetString())
            : TaskSignal.Ignored;
    }
}

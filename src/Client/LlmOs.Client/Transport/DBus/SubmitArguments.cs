using System.Buffers;
using System.Text.Json;
using LlmOs.Ipc;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Tasks;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>Daemon1.Submit's arguments (s kind, a{sv} input, a{sv} options) from the socket's request record.</summary>
internal static class SubmitArguments
{
    public const string Signature = "sa{sv}a{sv}";

    public static void Write(ref MessageWriter writer, (TaskSubmitRequest Request, bool Detach) arguments)
    {
        var request = arguments.Request;
        writer.WriteString(request.Kind ?? "");
        if (request.Input is { } input)
        {
            DBusDictionaryWriter.Write(ref writer, input, IpcJsonContext.Default.TaskInput);
        }
        else
        {
            writer.WriteDictionaryEnd(writer.WriteDictionaryStart());
        }

        using var options = Options(request.Options, arguments.Detach);
        DBusDictionaryWriter.WriteJsonObject(ref writer, options.RootElement);
    }

    /// <summary>
    /// The task options as the socket sends them, plus D-Bus's own <c>detach</c>: one JSON object, so that the codec
    /// types every value exactly as it types JSON (whole numbers x, fractions d, lists av).
    /// </summary>
    private static JsonDocument Options(TaskOptions? options, bool detach)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (options is not null)
            {
                foreach (var property in JsonSerializer.SerializeToElement(options, IpcJsonContext.Default.TaskOptions).EnumerateObject())
                {
                    property.WriteTo(json);
                }
            }

            if (detach)
            {
                json.WriteBoolean("detach", true);
            }

            json.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }
}

using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmOs.Ipc;
using LlmOs.Ipc.Errors;

namespace LlmOs.Ctl.Cli;

/// <summary>Where a command's answer goes: plain text for people, or one JSON document for scripts (<c>--json</c>).</summary>
internal sealed class Output(bool json)
{
    public bool IsJson { get; } = json;

    // Output for people and scripts, not for a web page: "'" and "+" stay as they are rather than \u0027 and \u002B.
    private static readonly JsonWriterOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Json<T>(T value, JsonTypeInfo<T> type) => Console.Out.WriteLine(Readably(value, type));

    /// <summary>Errors go to stderr; with --json as the same <c>{"error":…}</c> object the daemon uses.</summary>
    public void Error(string code, string message)
    {
        if (IsJson)
        {
            Console.Error.WriteLine(Readably(new ErrorResponse(new ErrorBody(code, message)), IpcJsonContext.Default.ErrorResponse));
        }
        else
        {
            Console.Error.WriteLine($"llmosctl: {message} ({code})");
        }
    }

    private static string Readably<T>(T value, JsonTypeInfo<T> type)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Readable))
        {
            JsonSerializer.Serialize(writer, value, type);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

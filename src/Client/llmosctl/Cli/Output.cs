using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmOs.Ipc;
using LlmOs.Ipc.Errors;

namespace LlmOs.Ctl.Cli;

/// <summary>Where a command's answer goes: plain text for people, or one JSON document for scripts (<c>--json</c>).</summary>
internal sealed class Output(bool json)
{
    public bool IsJson { get; } = json;

    public static void Json<T>(T value, JsonTypeInfo<T> type) => Console.Out.WriteLine(JsonSerializer.Serialize(value, type));

    /// <summary>Errors go to stderr; with --json as the same <c>{"error":…}</c> object the daemon uses.</summary>
    public void Error(string code, string message)
    {
        if (IsJson)
        {
            Console.Error.WriteLine(JsonSerializer.Serialize(new ErrorResponse(new ErrorBody(code, message)), IpcJsonContext.Default.ErrorResponse));
        }
        else
        {
            Console.Error.WriteLine($"llmosctl: {message} ({code})");
        }
    }
}

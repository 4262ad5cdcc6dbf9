using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using LlmOs.Client.Transport;
using LlmOs.Ipc.Errors;

namespace LlmOs.Client.AI;

/// <summary>
/// Reads OpenAI's stream: the payload of each <c>data:</c> event until <c>data: [DONE]</c>. An <c>{"error":…}</c> event
/// (a task that failed or was cancelled mid-stream) throws <see cref="LlmosException"/> with its code.
/// </summary>
internal static class OpenAiSseReader
{
    public static async IAsyncEnumerable<string> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length == 0)
                {
                    continue;
                }

                string payload = data.ToString();
                data.Clear();
                if (payload == "[DONE]")
                {
                    yield break;
                }

                // Our chunks begin with "id"; only an error event begins with "error".
                if (payload.StartsWith("{\"error\"", StringComparison.Ordinal))
                {
                    throw Error(payload);
                }

                yield return payload;
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (data.Length > 0)
                {
                    data.Append('\n');
                }

                data.Append(line.AsSpan(5).TrimStart(' '));
            }
        }

        throw new LlmosException(ErrorCodes.Internal, "the daemon ended the stream without [DONE]");
    }

    private static LlmosException Error(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var error = ErrorContentExtensions.Read(document.RootElement);
        return new LlmosException(error?.Code ?? ErrorCodes.Internal, error?.Message ?? "the task failed", error?.Field);
    }
}

using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using LlmOs.Ipc;

namespace LlmOs.Client.Transport;

/// <summary>Reads a Server-Sent Events body (event/data lines, a blank line ends an event) into task events.</summary>
internal static class SseReader
{
    public static async IAsyncEnumerable<TaskStreamEvent> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        string name = "message";
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    var payload = JsonSerializer.Deserialize(data.ToString(), IpcJsonContext.Default.TaskEventData)
                        ?? throw new LlmosException("internal", "the daemon sent an empty event");
                    var taskEvent = new TaskStreamEvent(name, payload);
                    yield return taskEvent;
                    if (taskEvent.IsFinal)
                    {
                        yield break;
                    }
                }

                name = "message";
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line[6..].Trim();
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
    }
}

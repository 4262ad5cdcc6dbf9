using System.Text.Json;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>Raw-HTTP helpers: submit JSON, read task and error bodies, parse SSE.</summary>
public static class TaskWire
{
    public static string Generate(string prompt, int maxTokens, float temperature = 0, uint seed = 1, string? extraOptions = null, bool stream = false) =>
        $$"""{"kind":"generate","input":{"prompt":{{JsonSerializer.Serialize(prompt)}}},"options":{"max_tokens":{{maxTokens}},"temperature":{{temperature}},"seed":{{seed}}{{(extraOptions is null ? "" : "," + extraOptions)}}},"stream":{{(stream ? "true" : "false")}}}""";

    public static async Task<TaskDto> ReadTaskAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), IpcJsonContext.Default.TaskDto)!;

    public static async Task<JsonElement> ReadErrorAsync(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.GetProperty("error");
    }

    /// <summary>Parses a complete SSE body into (event, data) pairs.</summary>
    public static List<(string Event, TaskEventData Data)> ParseSse(string body)
    {
        var events = new List<(string, TaskEventData)>();
        foreach (var block in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null, data = null;
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event: "))
                {
                    name = line[7..];
                }
                else if (line.StartsWith("data: "))
                {
                    data = line[6..];
                }
            }

            if (name is not null && data is not null)
            {
                events.Add((name, JsonSerializer.Deserialize(data, IpcJsonContext.Default.TaskEventData)!));
            }
        }

        return events;
    }
}

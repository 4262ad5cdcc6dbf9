using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.OpenAi;

/// <summary>Raw-HTTP helpers for the OpenAI-compatible endpoints: post JSON, read answers, split a stream into its events.</summary>
public static class OpenAiWire
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(HttpClient http, string path, string json, CancellationToken cancellationToken = default)
    {
        var response = await http.PostAsync(path, UnixHttp.Json(json), cancellationToken);
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The payloads of a whole stream's <c>data:</c> events, checking that each event is exactly one data line.</summary>
    public static List<string> Events(string body)
    {
        Assert.EndsWith("\n\n", body, StringComparison.Ordinal);
        var events = body[..^2].Split("\n\n");
        Assert.All(events, e => Assert.Matches("^data: [^\n]+$", e));
        return [.. events.Select(e => e["data: ".Length..])];
    }

    /// <summary>The text of a stream's chunks, chat (delta.content) or completion (text), in order.</summary>
    public static string Text(IEnumerable<string> payloads, bool chat) => string.Concat(payloads
        .Where(p => p != "[DONE]")
        .Select(p => JsonDocument.Parse(p).RootElement.GetProperty("choices"))
        .SelectMany(choices => choices.EnumerateArray())
        .Select(choice => chat
            ? choice.GetProperty("delta").TryGetProperty("content", out var content) ? content.GetString() : null
            : choice.GetProperty("text").GetString()));

    /// <summary>The native task id inside an OpenAI id ("chatcmpl-&lt;task&gt;", "cmpl-&lt;task&gt;").</summary>
    public static string TaskId(string openAiId) => openAiId[(openAiId.IndexOf('-', StringComparison.Ordinal) + 1)..];

    public static string Json(object value) => JsonSerializer.Serialize(value);
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LlmOs.Bench;

public static partial class IntentBench
{
    /// <summary>
    /// <c>POST /v1/ask</c> with <c>{"utterance": …, "language": "en"}</c>; the answer is 200 with the result object.
    /// Returns its <c>intent</c>. The body is written by hand so the benchmark does not depend on the wire DTOs.
    /// </summary>
    private static async Task<string> AskThroughDaemonAsync(HttpClient http, string utterance, CancellationToken cancellationToken)
    {
        string body = JsonSerializer.Serialize(new Dictionary<string, string> { ["utterance"] = utterance, ["language"] = "en" }, BenchJsonContext.Default.DictionaryStringString);
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("v1/ask", content, cancellationToken);
        string answer = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /v1/ask answered {(int)response.StatusCode}: {Excerpt(answer)}");
        }

        using var json = JsonDocument.Parse(answer);
        return json.RootElement.TryGetProperty("intent", out var intent) && intent.ValueKind == JsonValueKind.String
            ? intent.GetString()!
            : throw new InvalidOperationException($"POST /v1/ask answered without an intent: {Excerpt(answer)}");
    }

    private static async Task HealthThroughDaemonAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("v1/health", cancellationToken);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static string Excerpt(string text) => text.Length > 200 ? text[..200] + "…" : text;
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Speech;

/// <summary>Speech on the wire as a client sends it: espeak-ng recordings made now, POSTed as the body of <c>/v1/voice</c>.</summary>
internal static class VoiceWire
{
    /// <summary>Says <paramref name="text"/> with espeak-ng and returns the WAV file's bytes.</summary>
    public static async Task<byte[]> SayAsync(TempDir dir, string text, string voice, int wordsPerMinute)
    {
        string path = dir.File($"{Guid.NewGuid():N}.wav");
        await SpeechCli.SpokenAudio.RecordAsync(path, text, voice, wordsPerMinute);
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>POSTs <paramref name="audio"/> to <c>/v1/voice</c> (with a Content-Length) and returns the status and the JSON answer.</summary>
    public static async Task<(int Status, JsonElement Body)> VoiceAsync(HttpClient http, byte[] audio, string query = "time_zone=UTC")
    {
        using var content = new ByteArrayContent(audio);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        using var response = await http.PostAsync("v1/voice?" + query, content);
        string body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>The error code of a refusal (native <c>{"error":{"code"}}</c>, OpenAI's too), or null when the body is no error.</summary>
    public static string? ErrorCode(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            ? error.GetProperty("code").GetString()
            : null;

    public static string? Intent(JsonElement answer) =>
        answer.TryGetProperty("intent", out var intent) && intent.ValueKind == JsonValueKind.String ? intent.GetString() : null;

    /// <summary>Whether the answer carries a desktop action.</summary>
    public static bool HasAction(JsonElement answer) =>
        answer.TryGetProperty("action", out var action) && action.ValueKind != JsonValueKind.Null;

    /// <summary>Whether the answer's slots hold every "name=value" of <paramref name="expected"/> (numbers compared as numbers).</summary>
    public static bool SlotsMatch(JsonElement answer, string expected)
    {
        foreach (string pair in expected.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            string name = pair.Split('=')[0], value = pair.Split('=')[1];
            if (!answer.TryGetProperty("slots", out var slots) || slots.ValueKind != JsonValueKind.Object || !slots.TryGetProperty(name, out var got))
            {
                return false;
            }

            bool same = got.ValueKind switch
            {
                JsonValueKind.String => got.GetString() == value,
                JsonValueKind.Number => double.TryParse(value, CultureInfo.InvariantCulture, out double number) && got.GetDouble() == number,
                _ => got.GetRawText() == value,
            };
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    public static string Slots(JsonElement answer) =>
        answer.TryGetProperty("slots", out var slots) && slots.ValueKind == JsonValueKind.Object
            ? string.Join(", ", slots.EnumerateObject().Select(s => $"{s.Name}={(s.Value.ValueKind == JsonValueKind.String ? s.Value.GetString() : s.Value.GetRawText())}"))
            : "";

    /// <summary>The spoken reply of <c>/v1/ask</c> to a typed utterance (for listing timers and reminders).</summary>
    public static async Task<JsonElement> AskAsync(HttpClient http, string utterance)
    {
        using var response = await http.PostAsync("v1/ask", UnixHttp.Json($$"""{"utterance":{{JsonSerializer.Serialize(utterance)}},"time_zone":"UTC"}"""));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"ask '{utterance}': {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

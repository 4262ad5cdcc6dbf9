using System.Net.Http.Headers;
using System.Text.Json;
using LlmOs.Ipc;
using LlmOs.Ipc.Vision;

namespace LlmOs.Bench;

public static partial class VisionBench
{
    /// <summary><c>POST /v1/images/classify?model=…&amp;top=5</c> with the JPEG as the body; returns the best label.</summary>
    private static async Task<string> ClassifyThroughDaemonAsync(HttpClient http, byte[] jpeg, CancellationToken cancellationToken)
    {
        string answer = await PostImageAsync(http, $"v1/images/classify?model={ModelName}&top={Top}", jpeg, "image/jpeg", cancellationToken);
        var parsed = JsonSerializer.Deserialize(answer, IpcJsonContext.Default.ClassifyResponse);
        return parsed is { Labels.Count: Top }
            ? parsed.Labels[0].Label
            : throw new InvalidOperationException($"POST /v1/images/classify answered without {Top} labels: {Excerpt(answer)}");
    }

    /// <summary><c>POST /v1/images/ocr?language=eng</c> with the PNG as the body.</summary>
    private static async Task<OcrReading> OcrThroughDaemonAsync(HttpClient http, byte[] png, CancellationToken cancellationToken)
    {
        string answer = await PostImageAsync(http, $"v1/images/ocr?language={OcrLanguage}", png, "image/png", cancellationToken);
        var parsed = JsonSerializer.Deserialize(answer, IpcJsonContext.Default.OcrResponse)
            ?? throw new InvalidOperationException("POST /v1/images/ocr answered null");
        return new OcrReading(parsed.Text, parsed.Confidence, parsed.Lines.Count);
    }

    private static async Task<string> PostImageAsync(HttpClient http, string uri, byte[] data, string mediaType, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(data);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await http.PostAsync(uri, content, cancellationToken);
        string answer = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? answer
            : throw new InvalidOperationException($"POST /{uri} answered {(int)response.StatusCode}: {Excerpt(answer)}");
    }

    private static string Excerpt(string text) => text.Length > 200 ? text[..200] + "…" : text;
}

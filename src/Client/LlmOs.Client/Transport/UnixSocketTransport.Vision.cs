using System.Globalization;
using System.Net.Http.Headers;
using LlmOs.Ipc;
using LlmOs.Ipc.Vision;

namespace LlmOs.Client.Transport;

/// <summary>
/// <c>POST /v1/images/classify</c> and <c>POST /v1/images/ocr</c>: the image file as the raw body (no base64, no JSON), the
/// options in the query. The connection is the task's lifeline: cancelling closes it, which cancels the task.
/// </summary>
public sealed partial class UnixSocketTransport
{
    private const int FileChunkBytes = 64 * 1024;

    public Task<ClassifyResponse> ClassifyImageAsync(LlmosImage image, string? model, int? top, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post,
            "v1/images/classify" + Query(("model", model), ("top", top?.ToString(CultureInfo.InvariantCulture))),
            ImageBody(image),
            IpcJsonContext.Default.ClassifyResponse,
            cancellationToken);

    public Task<OcrResponse> ReadImageTextAsync(LlmosImage image, string? language, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v1/images/ocr" + Query(("language", language)), ImageBody(image), IpcJsonContext.Default.OcrResponse, cancellationToken);

    /// <summary>The image as the request's body: its bytes as they are, or its file streamed (opened here, so a missing file throws before we connect).</summary>
    private static HttpContent ImageBody(LlmosImage image)
    {
        HttpContent content = image.Path is { } path
            ? new StreamContent(
                new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileChunkBytes, FileOptions.Asynchronous | FileOptions.SequentialScan),
                FileChunkBytes)
            : new ReadOnlyMemoryContent(image.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    /// <summary>"?a=1&amp;b=2" of the parameters that have a value, escaped; "" when none has.</summary>
    private static string Query(params ReadOnlySpan<(string Name, string? Value)> parameters)
    {
        string query = "";
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                query += (query.Length == 0 ? "?" : "&") + name + "=" + Uri.EscapeDataString(value);
            }
        }

        return query;
    }
}

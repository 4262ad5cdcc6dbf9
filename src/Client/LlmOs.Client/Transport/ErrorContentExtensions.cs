using System.Text.Json;
using LlmOs.Ipc.Errors;

namespace LlmOs.Client.Transport;

internal static class ErrorContentExtensions
{
    /// <summary>
    /// The daemon's <c>{"error":…}</c> body, or null when the body is something else. Reads both shapes the daemon answers in:
    /// its own (<c>code</c>, <c>message</c>, <c>field</c>, <c>retry_after_s</c>) and OpenAI's on the OpenAI-compatible endpoints
    /// (<c>message</c>, <c>type</c>, <c>param</c>, <c>code</c>), whose <c>code</c> is the same stable code.
    /// </summary>
    public static async Task<ErrorBody?> ReadErrorOrNullAsync(this HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Read(document.RootElement);
    }

    /// <summary>The error of an <c>{"error":…}</c> object, in either shape; null when <paramref name="root"/> is no such object.</summary>
    public static ErrorBody? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new ErrorBody(
            String(error, "code") ?? ErrorCodes.Internal,
            String(error, "message") ?? "the daemon refused the request",
            String(error, "field") ?? String(error, "param"),
            error.TryGetProperty("retry_after_s", out var retry) && retry.ValueKind == JsonValueKind.Number ? retry.GetDouble() : null);
    }

    private static string? String(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

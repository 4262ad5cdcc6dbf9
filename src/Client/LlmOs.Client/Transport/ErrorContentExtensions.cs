using System.Text.Json;
using LlmOs.Ipc;
using LlmOs.Ipc.Errors;

namespace LlmOs.Client.Transport;

internal static class ErrorContentExtensions
{
    /// <summary>The daemon's <c>{"error":…}</c> body, or null when the body is something else.</summary>
    public static async Task<ErrorResponse?> ReadFromJsonOrNullAsync(this HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, IpcJsonContext.Default.ErrorResponse, cancellationToken).ConfigureAwait(false);
    }
}

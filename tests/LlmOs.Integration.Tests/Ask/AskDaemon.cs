using System.Net.Http.Json;
using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Ask;

/// <summary>
/// Starting a daemon for the intent engine's tests: its apps are the <see cref="DesktopFiles"/> (XDG_DATA_DIRS points at
/// them, XDG_DATA_HOME at an empty folder, so the machine's own apps never leak in), its zone is fixed, and the helpers
/// post asks the way clients do.
/// </summary>
public static class AskDaemon
{
    public const string TimeZone = "Europe/Madrid";

    public static DaemonProcess.Options Options(string directory, bool withModel = true, string? busAddress = null)
    {
        string share = Path.Combine(directory, "share");
        if (!Directory.Exists(Path.Combine(share, "applications")))
        {
            DesktopFiles.Write(share);
        }

        Directory.CreateDirectory(Path.Combine(directory, "home-share"));
        return new DaemonProcess.Options
        {
            Directory = directory,
            WithModel = withModel,
            BusAddress = busAddress,
            Environment = new Dictionary<string, string>
            {
                ["XDG_DATA_DIRS"] = share,
                ["XDG_DATA_HOME"] = Path.Combine(directory, "home-share"),
                ["TZ"] = TimeZone,
            },
        };
    }

    public static Task<DaemonProcess> StartAsync(string directory, bool withModel = true) => DaemonProcess.StartAsync(Options(directory, withModel));

    /// <summary>POSTs <c>/v1/ask</c> and returns the status and the parsed answer (the result, or the error object).</summary>
    public static async Task<(int Status, JsonElement Body)> AskAsync(HttpClient http, string utterance, string? extra = null, CancellationToken cancellationToken = default)
    {
        string body = $$"""{"utterance":{{JsonSerializer.Serialize(utterance)}},"time_zone":"{{TimeZone}}"{{(extra is null ? "" : "," + extra)}}}""";
        using var response = await http.PostAsync("v1/ask", UnixHttp.Json(body), cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
    }

    /// <summary>The error code of a refusal, or null when the body is no error.</summary>
    public static string? ErrorCode(JsonElement body) =>
        body.TryGetProperty("error", out var error) ? error.GetProperty("code").GetString() : null;
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Tasks;

/// <summary>
/// Options of a generation; every one may be left out. <c>priority</c> is "interactive" (default) or "background";
/// <c>keep_alive</c> is how long the model stays loaded afterwards: seconds or a duration like "10m", 0 to unload, -1 to keep.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TaskOptions(
    string? Model = null,
    int? MaxTokens = null,
    float? Temperature = null,
    float? TopP = null,
    uint? Seed = null,
    IReadOnlyList<string>? Stop = null,
    string? Priority = null,
    JsonElement? KeepAlive = null);

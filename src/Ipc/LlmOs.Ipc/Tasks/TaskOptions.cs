using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Tasks;

/// <summary>Options of a generation; every one may be left out.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TaskOptions(
    string? Model = null,
    int? MaxTokens = null,
    float? Temperature = null,
    float? TopP = null,
    uint? Seed = null,
    IReadOnlyList<string>? Stop = null);

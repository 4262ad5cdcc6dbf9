using System.Text.Json.Serialization;

namespace LlmOs.Ctl.Top;

/// <summary>Source-generated JSON for <c>llmosctl top --json</c>, snake_case like the daemon's own JSON.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(TopFigures))]
internal sealed partial class TopJsonContext : JsonSerializerContext;

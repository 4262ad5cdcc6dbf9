using System.Text.Json.Serialization;

namespace LlmOs.Engine.Skills.Alarms;

/// <summary>The shape of the alarm book's state file (every uid's pending and fired-but-undelivered alarms), source-generated.</summary>
[JsonSerializable(typeof(List<Alarm>))]
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class AlarmBookJson : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace LlmOs.Client.Speech;

/// <summary>The body of <c>POST /v1/speak</c>; options left out are llmosd's defaults.</summary>
public sealed record SpeakRequestBody(
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Voice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Speed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? SampleRate);

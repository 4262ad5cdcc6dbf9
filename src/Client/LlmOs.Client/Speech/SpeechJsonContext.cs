using System.Text.Json.Serialization;

namespace LlmOs.Client.Speech;

/// <summary>
/// Source-generated JSON of the speech answers as the client reads them (snake_case, as llmosd writes them). Every field
/// is written, nulls too, so that <c>llmosctl voice --json</c> shows the same fields in every answer.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(Transcription))]
[JsonSerializable(typeof(VoiceReply))]
[JsonSerializable(typeof(SpeakRequestBody))]
public sealed partial class SpeechJsonContext : JsonSerializerContext;

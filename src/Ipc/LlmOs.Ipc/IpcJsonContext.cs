using System.Text.Json.Serialization;
using LlmOs.Ipc.Ask;
using LlmOs.Ipc.Capabilities;
using LlmOs.Ipc.Errors;
using LlmOs.Ipc.Events;
using LlmOs.Ipc.Health;
using LlmOs.Ipc.Intents;
using LlmOs.Ipc.Models;
using LlmOs.Ipc.Speech;
using LlmOs.Ipc.Tasks;
using LlmOs.Ipc.Vision;

namespace LlmOs.Ipc;

/// <summary>
/// Source-generated JSON for every wire type: snake_case names, nulls left out, no reflection at run time.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(ModelListResponse))]
[JsonSerializable(typeof(ModelDto))]
[JsonSerializable(typeof(AddModelRequest))]
[JsonSerializable(typeof(TaskSubmitRequest))]
[JsonSerializable(typeof(TaskDto))]
[JsonSerializable(typeof(TaskListResponse))]
[JsonSerializable(typeof(TaskEventData))]
[JsonSerializable(typeof(PsResponse))]
[JsonSerializable(typeof(ResidentModelDto))]
[JsonSerializable(typeof(LoadModelRequest))]
[JsonSerializable(typeof(UnloadModelResponse))]
[JsonSerializable(typeof(CapabilitiesResponse))]
[JsonSerializable(typeof(IntentDto))]
[JsonSerializable(typeof(IntentRegistrationRequest))]
[JsonSerializable(typeof(IntentRegisteredEvent))]
[JsonSerializable(typeof(IntentDispatchEvent))]
[JsonSerializable(typeof(IntentDispatchAnswer))]
[JsonSerializable(typeof(IntentListResponse))]
[JsonSerializable(typeof(AskRequestDto))]
[JsonSerializable(typeof(AskResultDto))]
[JsonSerializable(typeof(IntentTestResponse))]
[JsonSerializable(typeof(IntentCatalogResponse))]
[JsonSerializable(typeof(DueEventDto))]
[JsonSerializable(typeof(ClassifyResponse))]
[JsonSerializable(typeof(OcrResponse))]
[JsonSerializable(typeof(TranscriptionResponse))]
[JsonSerializable(typeof(TranscriptionTextResponse))]
[JsonSerializable(typeof(VoiceResultDto))]
[JsonSerializable(typeof(SpeakRequestDto))]
[JsonSerializable(typeof(AudioSpeechRequest))]
public sealed partial class IpcJsonContext : JsonSerializerContext;

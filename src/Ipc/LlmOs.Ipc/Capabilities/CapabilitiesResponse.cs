namespace LlmOs.Ipc.Capabilities;

/// <summary><c>GET /v1/capabilities</c> and D-Bus <c>GetCapabilities</c>: each kind of work and whether it can be asked for.</summary>
public sealed record CapabilitiesResponse(
    CapabilityDto TextGeneration,
    CapabilityDto Embeddings,
    CapabilityDto Transcription,
    CapabilityDto CommandRecognition,
    CapabilityDto SpeechSynthesis,
    CapabilityDto Classification,
    CapabilityDto Ocr,
    CapabilityDto Intents);

namespace LlmOs.Ipc.Speech;

/// <summary>
/// OpenAI's <c>POST /v1/audio/speech</c>: <c>model</c> (any name; the synthesiser is espeak-ng), <c>input</c>, <c>voice</c>
/// (espeak-ng's names; OpenAI's own names such as "alloy" take the default voice), <c>speed</c> (0.25 to 4.0, 1.0 being
/// about 175 words per minute) and <c>response_format</c> (<c>wav</c>, the default here, or <c>pcm</c>). Unknown fields
/// are ignored, as OpenAI clients send newer ones.
/// </summary>
public sealed record AudioSpeechRequest(
    string? Model = null,
    string? Input = null,
    string? Voice = null,
    double? Speed = null,
    string? ResponseFormat = null,
    string? Instructions = null);

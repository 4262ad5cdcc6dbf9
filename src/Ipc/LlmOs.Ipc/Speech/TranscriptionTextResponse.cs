namespace LlmOs.Ipc.Speech;

/// <summary>OpenAI's <c>json</c> answer to <c>POST /v1/audio/transcriptions</c>: the text alone.</summary>
public sealed record TranscriptionTextResponse(string Text);

using System.Text.Json;

namespace LlmOs.Ipc.Speech;

/// <summary>
/// A voice task's answer (<c>POST /v1/voice</c>, D-Bus <c>Voice</c>): the <c>transcript</c> it acted on, the
/// <c>recognizer</c> that made it (<c>grammar</c> or <c>whisper:MODEL</c>), whether the command recogniser
/// <c>accepted</c> it, then the ask's <c>intent</c>, <c>slots</c>, <c>confidence</c> and <c>handler</c> (all null
/// when nothing was caught and nothing acted), the reply <c>text</c>, the desktop <c>action</c> if any, and the reply
/// spoken as a WAV file in base64 (<c>audio</c>) when it was asked for.
/// </summary>
public sealed record VoiceResultDto(
    string Transcript,
    string Recognizer,
    bool Accepted,
    string? Intent,
    IReadOnlyDictionary<string, JsonElement>? Slots,
    double? Confidence,
    string? Handler,
    string Text,
    IReadOnlyDictionary<string, JsonElement>? Action = null,
    string? Audio = null);

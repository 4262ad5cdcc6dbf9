using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmOs.Client.Speech;

/// <summary>
/// The answer to a spoken command (<c>POST /v1/voice</c>, D-Bus <c>Voice</c>): what was heard (<see cref="Transcript"/>, by
/// which <see cref="Recognizer"/>, and whether it was <see cref="Accepted"/> as a command), then as for an ask the
/// <see cref="Intent"/>, its <see cref="Slots"/>, the <see cref="Confidence"/>, the <see cref="Handler"/> that ran, the reply
/// <see cref="Text"/> and the desktop <see cref="Action"/> if any. Speech that was not caught has no intent and no action,
/// and the text says so. <see cref="Audio"/> is the reply spoken, a WAV file, when it was asked for.
/// </summary>
public sealed record VoiceReply(
    string Transcript,
    string Recognizer,
    bool Accepted,
    string? Intent,
    IReadOnlyDictionary<string, JsonElement>? Slots,
    double Confidence,
    string? Handler,
    string Text,
    IReadOnlyDictionary<string, JsonElement>? Action,
    [property: JsonConverter(typeof(AudioBytesConverter))] byte[]? Audio);

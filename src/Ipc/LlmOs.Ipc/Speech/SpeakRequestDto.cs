using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Speech;

/// <summary>
/// <c>POST /v1/speak</c> (and the options of D-Bus <c>Speak</c>): the <c>text</c> to speak, the <c>voice</c> (espeak-ng's
/// name, "en-us"; left out: the default), the <c>speed</c> in words per minute (80 to 450; left out: about 175) and the
/// WAV's <c>sample_rate</c> (16000 or 22050, the default).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SpeakRequestDto(string? Text, string? Voice = null, int? Speed = null, int? SampleRate = null);

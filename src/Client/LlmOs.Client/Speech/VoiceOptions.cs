namespace LlmOs.Client.Speech;

/// <summary>
/// How to take a spoken command: its language (null: llmosd's default) and the speaker's time zone (an IANA id, for "at
/// five"; null: llmosd's), and whether to speak the reply too (<see cref="Speak"/>), with which voice, at how many words per
/// minute and at which sample rate (null: espeak-ng's defaults).
/// </summary>
public sealed record VoiceOptions(
    string? Language = null,
    string? TimeZone = null,
    bool Speak = false,
    string? Voice = null,
    int? Speed = null,
    int? SampleRate = null);

namespace LlmOs.Engine.Speech;

/// <summary>
/// How <see cref="VoiceActivityDetector"/> decides that an utterance ended: after <see cref="SilenceToEnd"/> of silence
/// following at least <see cref="MinSpeech"/> of speech, or at <see cref="MaxLength"/> whatever was heard. A frame is
/// speech when its level is <see cref="SpeechRatio"/> times the noise floor (the quietest frame of the last
/// <see cref="FloorWindow"/>) and at least <see cref="MinLevel"/>.
/// </summary>
public sealed record VoiceActivityOptions
{
    public TimeSpan SilenceToEnd { get; init; } = TimeSpan.FromMilliseconds(700);

    public TimeSpan MinSpeech { get; init; } = TimeSpan.FromMilliseconds(90);

    public TimeSpan MaxLength { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan FloorWindow { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The level (RMS) over the floor a frame needs to be speech: 3 is about 10 dB.</summary>
    public double SpeechRatio { get; init; } = 3.0;

    /// <summary>The lowest level (RMS, full scale 1) that is ever speech: about -50 dBFS, below any voice at a microphone.</summary>
    public double MinLevel { get; init; } = 0.003;
}

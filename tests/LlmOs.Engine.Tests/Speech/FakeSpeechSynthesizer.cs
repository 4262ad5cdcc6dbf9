using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Tests.Speech;

/// <summary>Speaks ten samples per character at the asked rate, recording what it was asked to say.</summary>
internal sealed class FakeSpeechSynthesizer : ISpeechSynthesizer
{
    public IReadOnlyList<string> Voices { get; } = ["en-us", "en-gb"];

    public List<(string Text, SpeechOptions Options)> Calls { get; } = [];

    public Task<SynthesizedSpeech> SynthesizeAsync(string text, SpeechOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (Calls)
        {
            Calls.Add((text, options));
        }

        return Task.FromResult(new SynthesizedSpeech(new short[text.Length * 10], options.SampleRate));
    }
}

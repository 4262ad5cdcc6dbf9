using LlmOs.Engine.Espeak;

namespace LlmOs.Engine.Speech.Tests.Synthesis;

/// <summary>Whatever a client sends as text is spoken as plain text: no markup, no phoneme codes, no crash.</summary>
public sealed class EspeakTextHandlingTests
{
    [Fact]
    public async Task Control_characters_are_spoken_around_not_ended_on()
    {
        using var synthesizer = Speech.Synthesizer();

        SynthesizedSpeech clean = await synthesizer.SynthesizeAsync("set a timer for five minutes", new SpeechOptions(), CancellationToken.None);
        SynthesizedSpeech dirty = await synthesizer.SynthesizeAsync("set a timer\0 for\u0007 five\u001b[31m minutes", new SpeechOptions(), CancellationToken.None);

        // A NUL handed to espeak-ng would have ended the text after "set a timer".
        Assert.True(dirty.Duration > clean.Duration * 0.8, $"{dirty.Duration.TotalSeconds:F2} s against {clean.Duration.TotalSeconds:F2} s");
        Assert.True(Speech.Rms(dirty.Samples) > 0.01);
    }

    [Fact]
    public async Task An_ssml_break_is_not_obeyed()
    {
        using var synthesizer = Speech.Synthesizer();

        SynthesizedSpeech speech = await synthesizer.SynthesizeAsync(
            "<speak>one<break time=\"20s\"/>two</speak>", new SpeechOptions(), CancellationToken.None);

        // As SSML this would hold 20 s of silence; as text it is a few seconds of words (seen: 4.2 s).
        Assert.InRange(speech.Duration.TotalSeconds, 1, 10);
        Assert.True(Speech.Rms(speech.Samples) > 0.01);
    }

    [Fact]
    public async Task An_ssml_prosody_tag_does_not_change_the_speech()
    {
        using var synthesizer = Speech.Synthesizer();

        SynthesizedSpeech plain = await synthesizer.SynthesizeAsync("hello there", new SpeechOptions(), CancellationToken.None);
        SynthesizedSpeech tagged = await synthesizer.SynthesizeAsync(
            "<speak><prosody rate=\"x-slow\" volume=\"silent\">hello there</prosody></speak>", new SpeechOptions(), CancellationToken.None);

        // "silent" obeyed would give near-silence; x-slow obeyed would stretch it. Spoken as text, the words are audible.
        Assert.True(Speech.Rms(tagged.Samples) > 0.01);
        Assert.NotEqual(plain.Samples.Length, tagged.Samples.Length);
    }

    [Fact]
    public async Task Phoneme_brackets_are_not_read_as_phonemes()
    {
        using var synthesizer = Speech.Synthesizer();

        SynthesizedSpeech hello = await synthesizer.SynthesizeAsync("hello", new SpeechOptions(), CancellationToken.None);
        SynthesizedSpeech brackets = await synthesizer.SynthesizeAsync("[[h@l'oU]]", new SpeechOptions(), CancellationToken.None);

        // As phonemes this is "hello"; as text its letters and signs are read out, well over twice as long (seen: 1.2 s, 0.5 s).
        Assert.True(brackets.Duration > hello.Duration * 1.6, $"{brackets.Duration.TotalSeconds:F2} s against {hello.Duration.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task Text_at_the_limit_is_spoken()
    {
        using var synthesizer = Speech.Synthesizer();

        SynthesizedSpeech speech = await synthesizer.SynthesizeAsync(
            Speech.LongText(EspeakSynthesizer.MaxTextLength), new SpeechOptions(WordsPerMinute: 450, SampleRate: 16_000), CancellationToken.None);

        // About 700 words at 450 wpm: well over a minute and a half.
        Assert.True(speech.Duration > TimeSpan.FromSeconds(60), $"{speech.Duration.TotalSeconds:F0} s");
        Assert.True(Speech.Rms(speech.Samples) > 0.01);
    }

    [Theory]
    [InlineData("¿Qué hora es? Mañana a las ocho.", "es")]
    [InlineData("emoji 🎉 and unpaired \ud800 surrogate", "en-us")]
    [InlineData("-v klingon --stdin", "en-us")]
    public async Task Other_scripts_and_odd_text_are_spoken(string text, string voice)
    {
        using var synthesizer = Speech.Synthesizer();

        SynthesizedSpeech speech = await synthesizer.SynthesizeAsync(text, new SpeechOptions(voice), CancellationToken.None);

        Assert.True(Speech.Rms(speech.Samples) > 0.01);
    }
}

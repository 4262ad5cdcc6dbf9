using LlmOs.Engine.Speech.Tests.Infrastructure;

namespace LlmOs.Engine.Speech.Tests.Synthesis;

/// <summary>Speech from the real espeak-ng: audible, of a plausible length, shaped by the voice, the rate and the output rate.</summary>
public sealed class EspeakSynthesisTests
{
    [Theory]
    [InlineData(22_050)]
    [InlineData(16_000)]
    public async Task A_command_is_audible_speech_of_plausible_length(int sampleRate)
    {
        using var synthesizer = Speech.Synthesizer();

        SynthesizedSpeech speech = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions(SampleRate: sampleRate), CancellationToken.None);

        Assert.Equal(sampleRate, speech.SampleRate);
        Assert.InRange(speech.Duration.TotalSeconds, 0.8, 5);
        Assert.True(Speech.Rms(speech.Samples) > 0.01, $"RMS {Speech.Rms(speech.Samples):F4} is near silence");
    }

    [Fact]
    public async Task Output_at_16_kHz_lasts_as_long_as_at_22_kHz()
    {
        using var synthesizer = Speech.Synthesizer();

        SynthesizedSpeech native = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions(SampleRate: 22_050), CancellationToken.None);
        SynthesizedSpeech resampled = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions(SampleRate: 16_000), CancellationToken.None);

        Assert.Equal(native.Duration.TotalSeconds, resampled.Duration.TotalSeconds, 0.01);
    }

    [Fact]
    public async Task A_faster_rate_gives_shorter_speech()
    {
        using var synthesizer = Speech.Synthesizer();

        SynthesizedSpeech slow = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions(WordsPerMinute: 120), CancellationToken.None);
        SynthesizedSpeech fast = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions(WordsPerMinute: 300), CancellationToken.None);

        Assert.True(fast.Duration < slow.Duration * 0.75, $"fast {fast.Duration.TotalSeconds:F2} s, slow {slow.Duration.TotalSeconds:F2} s");
    }

    [Theory]
    [InlineData("en-us", "en-gb")]
    [InlineData("en-us", "es")]
    public async Task Two_voices_give_different_speech(string first, string second)
    {
        using var synthesizer = Speech.Synthesizer();

        SynthesizedSpeech a = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions(first), CancellationToken.None);
        SynthesizedSpeech b = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions(second), CancellationToken.None);

        Assert.True(Speech.Rms(b.Samples) > 0.01);
        double likeness = Speech.Likeness(a, b);
        Assert.True(likeness < Speech.SameSpeech, $"{first} and {second} are alike ({likeness:F3})");
        Assert.False(a.Samples.AsSpan().SequenceEqual(b.Samples));
    }

    [Fact]
    public async Task A_female_variant_speaks_higher()
    {
        using var synthesizer = Speech.Synthesizer();

        SynthesizedSpeech male = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions("en-us"), CancellationToken.None);
        SynthesizedSpeech female = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions("en-us+f3"), CancellationToken.None);

        Assert.True(Speech.ZeroCrossingRate(female) > Speech.ZeroCrossingRate(male) * 1.1);
    }

    [Fact]
    public async Task The_same_request_gives_the_same_speech()
    {
        using var synthesizer = Speech.Synthesizer();

        SynthesizedSpeech a = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions("es"), CancellationToken.None);
        SynthesizedSpeech b = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions("es"), CancellationToken.None);

        Assert.True(Speech.Likeness(a, b) > Speech.SameSpeech, $"likeness {Speech.Likeness(a, b):F3}");
    }

    [Fact]
    public async Task The_speech_is_what_the_espeak_ng_program_says()
    {
        using var synthesizer = Speech.Synthesizer();

        SynthesizedSpeech ours = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions("en-gb", 160), CancellationToken.None);
        (short[] samples, int rate) = SpokenAudio.ReadPcm16Mono(await SpokenAudio.RecordWavAsync(Speech.Command, "en-gb", 160));

        double likeness = Speech.Likeness(ours, new SynthesizedSpeech(samples, rate));
        Assert.True(likeness > Speech.SameSpeech, $"likeness {likeness:F3}");
    }

    [Theory]
    [InlineData("en-us", true)]
    [InlineData("EN-GB", true)]
    [InlineData("en-us+klatt3", true)]
    [InlineData("en-us+nosuchvariant", false)]
    [InlineData("xx-nosuchvoice", false)]
    public void A_voice_with_a_variant_is_a_voice(string voice, bool has)
    {
        using var synthesizer = Speech.Synthesizer();

        Assert.Equal(has, synthesizer.HasVoice(voice));
    }

    [Fact]
    public void Voices_are_named_by_language()
    {
        using var synthesizer = Speech.Synthesizer();

        Assert.Contains("en-us", synthesizer.Voices);
        Assert.Contains("en-gb", synthesizer.Voices);
        Assert.Contains("es", synthesizer.Voices);
        Assert.DoesNotContain(synthesizer.Voices, v => v.Contains('+', StringComparison.Ordinal) || v.Contains('/', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Voice_names_are_case_insensitive_and_the_default_is_used_when_none_is_named()
    {
        using var synthesizer = Speech.Synthesizer(defaultVoice: "en-gb");

        SynthesizedSpeech unnamed = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions(), CancellationToken.None);
        SynthesizedSpeech named = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions("EN-GB"), CancellationToken.None);

        Assert.Equal("en-gb", synthesizer.DefaultVoice);
        Assert.True(Speech.Likeness(named, unnamed) > Speech.SameSpeech);
    }

    [Theory]
    [InlineData("en", "en-us")]
    [InlineData("es", "es")]
    [InlineData("en-GB", "en-gb")]
    [InlineData("de", "de")]
    [InlineData("xx", "en-us")]
    [InlineData(null, "en-us")]
    public void A_language_pack_gets_its_voice(string? language, string voice)
    {
        using var synthesizer = Speech.Synthesizer();

        Assert.Equal(voice, synthesizer.VoiceForLanguage(language));
    }
}

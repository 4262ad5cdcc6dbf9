using LlmOs.Engine.Errors;
using LlmOs.Engine.Espeak;

namespace LlmOs.Engine.Speech.Tests.Synthesis;

/// <summary>Bad requests are refused with the kind and the field at fault, before espeak-ng is asked.</summary>
public sealed class EspeakRefusalTests
{
    [Theory]
    [InlineData("klingon")]
    [InlineData("en-us+nosuchvariant")]
    [InlineData("en-us+f3+f4")]
    [InlineData("gmw/../../etc/passwd")]
    [InlineData("!v/f3")]
    public async Task An_unknown_voice_is_refused(string voice)
    {
        EngineException refused = await Refused(Speech.Command, new SpeechOptions(voice));

        Assert.Equal(ErrorKind.InvalidInput, refused.Kind);
        Assert.Equal("voice", refused.Field);
    }

    [Theory]
    [InlineData(79)]
    [InlineData(451)]
    [InlineData(0)]
    [InlineData(-175)]
    public async Task A_rate_out_of_range_is_refused(int wordsPerMinute)
    {
        EngineException refused = await Refused(Speech.Command, new SpeechOptions(WordsPerMinute: wordsPerMinute));

        Assert.Equal(ErrorKind.InvalidInput, refused.Kind);
        Assert.Equal("speed", refused.Field);
    }

    [Theory]
    [InlineData(SpeechOptions.MinWordsPerMinute)]
    [InlineData(SpeechOptions.MaxWordsPerMinute)]
    public async Task The_rates_at_the_limits_are_spoken(int wordsPerMinute)
    {
        using var synthesizer = Speech.Synthesizer();

        SynthesizedSpeech speech = await synthesizer.SynthesizeAsync("five minutes", new SpeechOptions(WordsPerMinute: wordsPerMinute), CancellationToken.None);

        Assert.True(Speech.Rms(speech.Samples) > 0.01);
    }

    [Theory]
    [InlineData(8_000)]
    [InlineData(44_100)]
    [InlineData(0)]
    public async Task Another_sample_rate_is_refused(int sampleRate)
    {
        EngineException refused = await Refused(Speech.Command, new SpeechOptions(SampleRate: sampleRate));

        Assert.Equal(ErrorKind.InvalidInput, refused.Kind);
        Assert.Equal("sample_rate", refused.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t \r\n")]
    [InlineData("\0\u0007\u001b")]
    public async Task Text_with_nothing_to_speak_is_refused(string text)
    {
        EngineException refused = await Refused(text, new SpeechOptions());

        Assert.Equal(ErrorKind.InvalidInput, refused.Kind);
        Assert.Equal("input", refused.Field);
    }

    [Fact]
    public async Task Text_over_the_limit_is_refused()
    {
        EngineException refused = await Refused(Speech.LongText(EspeakSynthesizer.MaxTextLength + 1), new SpeechOptions());

        Assert.Equal(ErrorKind.TooLarge, refused.Kind);
        Assert.Equal("input", refused.Field);
        Assert.Contains("4096", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disposed_synthesizer_refuses_work()
    {
        var synthesizer = Speech.Synthesizer();
        synthesizer.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions(), CancellationToken.None));
    }

    private static async Task<EngineException> Refused(string text, SpeechOptions options)
    {
        using var synthesizer = Speech.Synthesizer();
        return await Assert.ThrowsAsync<EngineException>(() => synthesizer.SynthesizeAsync(text, options, CancellationToken.None));
    }
}

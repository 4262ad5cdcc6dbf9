using LlmOs.Engine.Speech.Tests.Infrastructure;

namespace LlmOs.Engine.Speech.Tests.Synthesis;

/// <summary>The test recordings other tests use: the espeak-ng program's WAV, read and brought to 16 kHz here.</summary>
public sealed class SpokenAudioTests
{
    [Fact]
    public async Task The_program_records_a_command_as_22_kHz_speech()
    {
        byte[] wav = await SpokenAudio.RecordWavAsync(Speech.Command, "en-us", 175);

        (short[] samples, int rate) = SpokenAudio.ReadPcm16Mono(wav);
        var speech = new SynthesizedSpeech(samples, rate);
        Assert.Equal(22_050, rate);
        Assert.InRange(speech.Duration.TotalSeconds, 0.8, 5);
        Assert.True(Speech.Rms(samples) > 0.01);
    }

    [Fact]
    public async Task A_clip_is_the_same_speech_at_16_kHz()
    {
        byte[] wav = await SpokenAudio.RecordWavAsync(Speech.Command, "en-gb", 150);
        (short[] samples, int rate) = SpokenAudio.ReadPcm16Mono(wav);

        AudioClip clip = SpokenAudio.ToClip(wav);

        Assert.Equal(samples.Length / (double)rate, clip.Duration.TotalSeconds, 0.01);
        Assert.All(clip.Samples, sample => Assert.InRange(sample, -1f, 1f));
        Assert.True(clip.Samples.Max(Math.Abs) > 0.1);
    }

    [Fact]
    public async Task Voice_and_speed_reach_the_program()
    {
        AudioClip slow = await SpokenAudio.RecordClipAsync(Speech.Command, "en-us", 120);
        AudioClip fast = await SpokenAudio.RecordClipAsync(Speech.Command, "en-us", 300);

        Assert.True(fast.Duration < slow.Duration * 0.75);
        Assert.NotEmpty(await SpokenAudio.RecordWavAsync(Speech.Command, "en-us+f3"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => SpokenAudio.RecordWavAsync(Speech.Command, "no-such-voice"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => SpokenAudio.RecordWavAsync(Speech.Command, "en-us+no-such-variant"));
    }

    [Fact]
    public void A_file_that_is_not_a_wav_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => SpokenAudio.ReadPcm16Mono("not a wave file at all"u8.ToArray()));
    }
}

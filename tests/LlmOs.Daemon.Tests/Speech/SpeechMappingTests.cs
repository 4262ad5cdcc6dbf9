using System.Buffers.Binary;
using System.Text;
using LlmOs.Daemon.Http;
using LlmOs.Daemon.Http.Speech;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Assistant;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;
using LlmOs.Ipc.Errors;

namespace LlmOs.Daemon.Tests.Speech;

/// <summary>Engine speech values to wire records: transcripts, voice answers, WAV bytes, OpenAI's speed and the error codes.</summary>
public sealed class SpeechMappingTests
{
    private static readonly Transcript Heard = new(
        "set a timer for five minutes", "en", [new TranscriptSegment(TimeSpan.FromSeconds(0.25), TimeSpan.FromSeconds(1.5), "set a timer for five minutes", 0.9)], TimeSpan.FromSeconds(2), "grammar");

    [Fact]
    public void A_transcript_keeps_its_text_language_duration_and_segments_in_seconds()
    {
        var dto = SpeechMapper.ToDto(Heard with { Engine = "whisper:tiny" }, task: "transcribe");

        Assert.Equal(("set a timer for five minutes", "en", 2.0, "tiny", "transcribe"), (dto.Text, dto.Language, dto.Duration, dto.Model, dto.Task));
        var segment = Assert.Single(dto.Segments);
        Assert.Equal((0.25, 1.5), (segment.Start, segment.End));
        Assert.Equal("grammar", SpeechMapper.ToDto(Heard).Model);
    }

    [Fact]
    public void A_voice_answer_carries_the_ask_the_verdict_and_the_spoken_reply_as_wav()
    {
        var ask = new AskResult("timer.set", new Dictionary<string, object> { ["duration"] = 300L }, 0.97, "skill", "Timer set for 5 minutes.", null, "en", []);
        var result = new VoiceResult(Heard, new CommandHypothesis(Heard.Text, true, 0.8), ask, ask.Text, new SynthesizedSpeech([1, -1], 16_000));

        var dto = SpeechMapper.ToDto(result);

        Assert.Equal(("set a timer for five minutes", "grammar", true, "timer.set", "skill"), (dto.Transcript, dto.Recognizer, dto.Accepted, dto.Intent, dto.Handler));
        Assert.Equal(300, dto.Slots!["duration"].GetInt64());
        Assert.StartsWith("RIFF", Encoding.ASCII.GetString(Convert.FromBase64String(dto.Audio!).AsSpan(0, 4)), StringComparison.Ordinal);
        Assert.Null(SpeechMapper.ToDto(result, withAudio: false).Audio);
    }

    [Fact]
    public void An_utterance_not_caught_has_no_intent_and_is_not_accepted()
    {
        var result = new VoiceResult(Heard with { Text = "" }, CommandHypothesis.Nothing("out of grammar"), null, "I didn't catch that.", null);

        var dto = SpeechMapper.ToDto(result);

        Assert.False(dto.Accepted);
        Assert.Null(dto.Intent);
        Assert.Null(dto.Slots);
        Assert.Null(dto.Action);
        Assert.Null(dto.Audio);
        Assert.Equal("I didn't catch that.", SpeechMapper.ToTaskResult(result).Text);
    }

    [Fact]
    public void Wav_bytes_have_a_riff_header_that_announces_exactly_the_samples()
    {
        var wav = WavBytes.From(new SynthesizedSpeech([0, 1000, -1000], 22_050));

        Assert.Equal(44 + 6, wav.Length);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(wav, 8, 4));
        Assert.Equal(22_050, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24)));
        Assert.Equal(6, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(40)));
        Assert.Equal(-1000, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(48)));
        Assert.Equal(wav.AsSpan(44).ToArray(), WavBytes.RawPcm(new SynthesizedSpeech([0, 1000, -1000], 22_050)));
    }

    [Theory]
    [InlineData(1.0, 175)]
    [InlineData(0.25, 80)]
    [InlineData(2.0, 350)]
    [InlineData(4.0, 450)]
    public void OpenAi_speed_becomes_words_per_minute_around_175(double speed, int wordsPerMinute) =>
        Assert.Equal(wordsPerMinute, AudioEndpoints.WordsPerMinute(speed));

    [Fact]
    public void Audio_refusals_have_their_codes_and_statuses()
    {
        Assert.Equal((ErrorCodes.UnsupportedMedia, 415), (HttpErrors.Code(ErrorKind.UnsupportedMedia), HttpErrors.Status(ErrorKind.UnsupportedMedia)));
        Assert.Equal((ErrorCodes.TooLarge, 413), (HttpErrors.Code(ErrorKind.TooLarge), HttpErrors.Status(ErrorKind.TooLarge)));
        Assert.Equal((ErrorCodes.NeedsModel, 409), (HttpErrors.Code(ErrorKind.NeedsModel), HttpErrors.Status(ErrorKind.NeedsModel)));
    }
}

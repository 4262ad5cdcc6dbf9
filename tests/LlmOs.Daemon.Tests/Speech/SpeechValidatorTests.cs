using System.Text;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Speech;
using LlmOs.Ipc.Speech;
using LlmOs.Ipc.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Tests.Speech;

/// <summary>The transcribe, voice and speak kinds at the boundary: the fields each takes, their ranges, and refusals naming the field.</summary>
public sealed class SpeechValidatorTests
{
    private readonly TaskRequestValidator _validator;
    private readonly AudioInput _audio;
    private readonly FakeAudioDecoder _decoder;

    public SpeechValidatorTests()
    {
        var settings = new DaemonSettings { MaxPromptChars = 100 };
        _decoder = new FakeAudioDecoder(settings.AudioLimits());
        _audio = new AudioInput(settings, new ServiceCollection().AddSingleton<IAudioDecoder>(_decoder).BuildServiceProvider());
        _validator = new TaskRequestValidator(settings);
    }

    private static string Wav => Convert.ToBase64String(Encoding.ASCII.GetBytes("RIFF-audio"));

    private static EngineException Refused(Action validate, ErrorKind kind, string field)
    {
        var e = Assert.Throws<EngineException>(validate);
        Assert.Equal((kind, field), (e.Kind, e.Field));
        return e;
    }

    [Fact]
    public void A_transcribe_task_takes_audio_a_prompt_a_model_and_a_language()
    {
        var call = _validator.ValidateTranscribe(
            new TaskSubmitRequest("transcribe", new TaskInput("Anna, Madrid", Audio: Wav), new TaskOptions(Model: "tiny", Language: "es", Priority: "background")), _audio);

        Assert.Equal(10, call.Clip.Samples.Length);
        Assert.Equal(("tiny", "es", "Anna, Madrid", TaskPriority.Background), (call.Model, call.Options.Language, call.Options.Prompt, call.Priority));
        Assert.Null(_validator.ValidateTranscribe(new TaskSubmitRequest("transcribe", new TaskInput(null, Audio: Wav), new TaskOptions(Language: "auto")), _audio).Options.Language);
    }

    [Fact]
    public void A_transcribe_task_refuses_what_it_does_not_take()
    {
        Refused(() => _validator.ValidateTranscribe(new TaskSubmitRequest("transcribe", new TaskInput(null), null), _audio), ErrorKind.InvalidInput, "input.audio");
        Refused(() => _validator.ValidateTranscribe(new TaskSubmitRequest("transcribe", new TaskInput(null, Audio: Wav, Image: "x"), null), _audio), ErrorKind.InvalidInput, "input.image");
        Refused(() => _validator.ValidateTranscribe(new TaskSubmitRequest("transcribe", new TaskInput(null, Audio: Wav), new TaskOptions(MaxTokens: 3)), _audio), ErrorKind.InvalidInput, "options.max_tokens");
        Refused(() => _validator.ValidateTranscribe(new TaskSubmitRequest("transcribe", new TaskInput(null, Audio: Wav), new TaskOptions(Language: "English")), _audio), ErrorKind.InvalidInput, "options.language");
        Refused(() => _validator.ValidateTranscribe(new TaskSubmitRequest("transcribe", new TaskInput(new string('a', 101), Audio: Wav), null), _audio), ErrorKind.TooLarge, "input.prompt");
        Refused(() => _validator.ValidateTranscribe(new TaskSubmitRequest("transcribe", new TaskInput(null, Audio: Convert.ToBase64String("OggS"u8.ToArray())), null), _audio), ErrorKind.UnsupportedMedia, "input.audio");
    }

    [Fact]
    public void A_speak_task_takes_text_voice_speed_and_sample_rate()
    {
        var call = _validator.ValidateSpeak(new TaskSubmitRequest("speak", new TaskInput(null, Text: "Hello there"), new TaskOptions(Voice: "en-gb", Speed: 140, SampleRate: 16_000)));

        Assert.Equal("Hello there", call.Text);
        Assert.Equal(new SpeechOptions("en-gb", 140, 16_000), call.Options);
        Assert.Equal(new SpeechOptions(null, null, 22_050), _validator.ValidateSpeak(new TaskSubmitRequest("speak", new TaskInput(null, Text: "Hi"), null)).Options);
    }

    [Theory]
    [InlineData(null, null, null, null, "input.text")]
    [InlineData("  ", null, null, null, "input.text")]
    [InlineData("bell\u0007", null, null, null, "input.text")]
    [InlineData("Hi", "en us", null, null, "options.voice")]
    [InlineData("Hi", null, 79, null, "options.speed")]
    [InlineData("Hi", null, 451, null, "options.speed")]
    [InlineData("Hi", null, null, 44_100, "options.sample_rate")]
    public void A_speak_task_refuses_values_out_of_range_naming_them(string? text, string? voice, int? speed, int? rate, string field) =>
        Refused(() => _validator.ValidateSpeak(new TaskSubmitRequest("speak", new TaskInput(null, Text: text), new TaskOptions(Voice: voice, Speed: speed, SampleRate: rate))), ErrorKind.InvalidInput, field);

    [Fact]
    public void Speech_text_keeps_tabs_and_line_breaks_and_is_held_to_the_prompt_limit()
    {
        Assert.Equal("one\ttwo\nthree", _validator.CheckSpeechText("one\ttwo\nthree", "text"));
        Refused(() => _validator.CheckSpeechText(new string('a', 101), "text"), ErrorKind.TooLarge, "text");
    }

    [Fact]
    public void The_speak_shortcut_names_its_fields_without_a_prefix()
    {
        var call = _validator.ValidateSpeak(new SpeakRequestDto("Hi", "es", 200, 16_000), "");

        Assert.Equal(new SpeechOptions("es", 200, 16_000), call.Options);
        Refused(() => _validator.ValidateSpeak(new SpeakRequestDto("Hi", SampleRate: 8000), ""), ErrorKind.InvalidInput, "sample_rate");
    }

    [Fact]
    public void Voice_names_are_checked_and_speech_is_made_at_16_or_22_kHz()
    {
        Refused(() => TaskRequestValidator.CheckSpeechOptions("x y", null, null, "options."), ErrorKind.InvalidInput, "options.voice");
        Assert.Equal(new[] { 16_000, 22_050 }, TaskRequestValidator.SpeechSampleRates);
    }

    [Fact]
    public void Other_kinds_refuse_the_speech_fields()
    {
        Refused(() => TaskRequestValidator.RefuseSpeechFields(new TaskSubmitRequest("generate", new TaskInput("p", Audio: Wav), null)), ErrorKind.InvalidInput, "input.audio");
        Refused(() => TaskRequestValidator.RefuseSpeechFields(new TaskSubmitRequest("generate", new TaskInput("p"), new TaskOptions(Speak: true))), ErrorKind.InvalidInput, "options.speak");
        Refused(() => TaskRequestValidator.CheckClassifyOptions(new TaskOptions(Voice: "en"), "options."), ErrorKind.InvalidInput, "options.voice");
        Refused(() => _validator.Validate(new TaskSubmitRequest("dictate", new TaskInput("p"), null), 1000), ErrorKind.InvalidInput, "kind");
    }

    [Theory]
    [InlineData("s16le", 8000, 2, PcmEncoding.S16Le)]
    [InlineData("f32le", null, null, PcmEncoding.F32Le)]
    [InlineData("u8", 44_100, 1, PcmEncoding.U8)]
    public void Raw_pcm_formats_are_read_with_defaults(string format, int? rate, int? channels, PcmEncoding encoding)
    {
        var raw = RawAudioOptions.Parse(format, rate, channels, "")!;

        Assert.Equal(new RawAudioFormat(encoding, rate ?? 16_000, channels ?? 1), raw);
    }

    [Theory]
    [InlineData("mp3", null, null, "options.format")]
    [InlineData(null, 16000, null, "options.rate")]
    [InlineData("s16le", 100, null, "options.rate")]
    [InlineData("s16le", null, 0, "options.channels")]
    public void Raw_pcm_formats_out_of_range_are_refused_by_name(string? format, int? rate, int? channels, string field) =>
        Refused(() => RawAudioOptions.Parse(format, rate, channels, "options."), ErrorKind.InvalidInput, field);

    [Fact]
    public void Without_a_format_the_audio_is_a_file()
    {
        Assert.Null(RawAudioOptions.Parse(null, null, null, ""));
    }
}

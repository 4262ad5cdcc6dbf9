using System.Text;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Tests.Speech;

/// <summary>Audio at the boundary: sizes checked before decoding, refusals naming the field, the decoder's verdict passed on.</summary>
public sealed class AudioInputTests
{
    private const int MaxAudioBytes = 40;

    private readonly FakeAudioDecoder _decoder;
    private readonly AudioInput _audio;

    public AudioInputTests()
    {
        var settings = new DaemonSettings { MaxAudioBytes = MaxAudioBytes, MaxAudioSeconds = 3 };
        _decoder = new FakeAudioDecoder(settings.AudioLimits());
        var services = new ServiceCollection().AddSingleton<IAudioDecoder>(_decoder).BuildServiceProvider();
        _audio = new AudioInput(settings, services);
    }

    [Fact]
    public void The_settings_become_the_audio_limits()
    {
        Assert.Equal(MaxAudioBytes, _audio.Limits.MaxBytes);
        Assert.Equal(TimeSpan.FromSeconds(3), _audio.Limits.MaxDuration);
        var defaults = new DaemonSettings().AudioLimits();
        Assert.Equal((25L * 1024 * 1024, TimeSpan.FromMinutes(10)), (defaults.MaxBytes, defaults.MaxDuration));
    }

    [Fact]
    public void Base64_audio_is_decoded_once()
    {
        var clip = _audio.FromBase64(Convert.ToBase64String(Encoding.ASCII.GetBytes("RIFF....WAVE")), "input.audio");

        Assert.Equal(12, clip.Samples.Length);
        Assert.Equal("RIFF....WAVE", Encoding.ASCII.GetString(Assert.Single(_decoder.Decoded)));
    }

    [Fact]
    public void Base64_over_the_limit_is_too_large_before_it_is_decoded()
    {
        var e = Assert.Throws<EngineException>(() => _audio.FromBase64(Convert.ToBase64String(new byte[MaxAudioBytes + 3]), "input.audio"));

        Assert.Equal((ErrorKind.TooLarge, "input.audio"), (e.Kind, e.Field));
        Assert.Empty(_decoder.Decoded);
    }

    [Theory]
    [InlineData("", ErrorKind.InvalidInput)]
    [InlineData("not base64!", ErrorKind.InvalidInput)]
    [InlineData("data:audio/wav;base64,UklGRg==", ErrorKind.InvalidInput)]
    public void Bad_base64_is_invalid_input_naming_the_field(string base64, ErrorKind kind)
    {
        var e = Assert.Throws<EngineException>(() => _audio.FromBase64(base64, "input.audio"));

        Assert.Equal((kind, "input.audio"), (e.Kind, e.Field));
        Assert.Empty(_decoder.Decoded);
    }

    [Fact]
    public void What_the_decoder_refuses_is_refused_with_its_kind_and_the_field()
    {
        var e = Assert.Throws<EngineException>(() => _audio.FromBytes("random bytes"u8, "body"));

        Assert.Equal((ErrorKind.UnsupportedMedia, "body"), (e.Kind, e.Field));
    }

    [Fact]
    public void Empty_and_oversized_bytes_are_refused_without_decoding()
    {
        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<EngineException>(() => _audio.FromBytes([], "audio")).Kind);
        Assert.Equal(ErrorKind.TooLarge, Assert.Throws<EngineException>(() => _audio.FromBytes(new byte[MaxAudioBytes + 1], "audio")).Kind);
        Assert.Empty(_decoder.Decoded);
    }

    [Fact]
    public void Raw_pcm_passes_its_declared_format_to_the_decoder()
    {
        var format = new RawAudioFormat(PcmEncoding.S16Le, 8000, 2);
        _audio.FromBytes(new byte[8], "body", format);

        Assert.Equal(format, _decoder.LastRaw);
    }

    [Fact]
    public void A_daemon_without_a_decoder_refuses_audio_as_unsupported()
    {
        var audio = new AudioInput(new DaemonSettings(), new ServiceCollection().BuildServiceProvider());

        Assert.Equal(ErrorKind.Unsupported, Assert.Throws<EngineException>(() => audio.FromBytes("RIFF"u8, "body")).Kind);
    }
}

using System.Text;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Http.Speech;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Tests.Speech;

/// <summary>OpenAI's multipart transcription body, and the query of the native audio endpoints.</summary>
public sealed class TranscriptionFormTests
{
    private const string Boundary = "----llmos-test";

    private static AudioInput Audio(long maxBytes = 1000)
    {
        var settings = new DaemonSettings { MaxAudioBytes = maxBytes };
        return new AudioInput(settings, new ServiceCollection().AddSingleton<IAudioDecoder>(new FakeAudioDecoder(settings.AudioLimits())).BuildServiceProvider());
    }

    private static DefaultHttpContext Request(string body, string contentType = "multipart/form-data; boundary=" + Boundary)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context;
    }

    private static string Part(string name, string value, string? fileName = null) =>
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"{(fileName is null ? "" : $"; filename=\"{fileName}\"")}\r\n"
        + (fileName is null ? "" : "Content-Type: audio/wav\r\n") + $"\r\n{value}\r\n";

    [Fact]
    public async Task The_file_and_the_fields_are_read()
    {
        string body = Part("model", "whisper-1") + Part("file", "RIFF-bytes", "jfk.wav") + Part("response_format", "verbose_json") + $"--{Boundary}--\r\n";

        using var form = await TranscriptionForm.ReadAsync(Request(body), Audio(), CancellationToken.None);

        Assert.Equal("RIFF-bytes", Encoding.ASCII.GetString(form.File!.Span));
        Assert.Equal(("whisper-1", "verbose_json"), (form["model"], form["response_format"]));
        Assert.Null(form["language"]);
    }

    [Fact]
    public async Task A_form_without_a_file_has_none()
    {
        using var form = await TranscriptionForm.ReadAsync(Request(Part("model", "whisper-1") + $"--{Boundary}--\r\n"), Audio(), CancellationToken.None);

        Assert.Null(form.File);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_too_large_naming_file()
    {
        string body = Part("file", new string('x', 2000), "big.wav") + $"--{Boundary}--\r\n";

        var e = await Assert.ThrowsAsync<EngineException>(() => TranscriptionForm.ReadAsync(Request(body), Audio(maxBytes: 1000), CancellationToken.None));

        Assert.Equal((ErrorKind.TooLarge, "file"), (e.Kind, e.Field));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("multipart/form-data")]
    public async Task A_body_that_is_not_multipart_with_a_boundary_is_invalid(string contentType)
    {
        var e = await Assert.ThrowsAsync<EngineException>(() => TranscriptionForm.ReadAsync(Request("{}", contentType), Audio(), CancellationToken.None));

        Assert.Equal((ErrorKind.InvalidInput, "body"), (e.Kind, e.Field));
    }

    [Fact]
    public async Task A_truncated_multipart_body_is_invalid_input()
    {
        var e = await Assert.ThrowsAsync<EngineException>(() => TranscriptionForm.ReadAsync(Request($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nRIFF"), Audio(), CancellationToken.None));

        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
    }

    [Fact]
    public void The_voice_query_reads_options_raw_pcm_and_stream()
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?language=en&time_zone=UTC&speak=true&speed=150&format=s16le&rate=8000&channels=2&stream=true");

        var (options, raw, stream) = AudioQuery.Parse(context.Request.Query);

        Assert.Equal(("en", "UTC", true, 150), (options.Language, options.TimeZone, options.Speak, options.Speed));
        Assert.Equal(new RawAudioFormat(PcmEncoding.S16Le, 8000, 2), raw);
        Assert.True(stream);
    }

    [Theory]
    [InlineData("?langauge=en", "langauge")]
    [InlineData("?speak=maybe", "speak")]
    [InlineData("?speed=fast", "speed")]
    [InlineData("?rate=8000", "rate")]
    [InlineData("?language=en&language=es", "language")]
    public void A_bad_query_is_refused_by_name(string query, string field)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);

        var e = Assert.Throws<EngineException>(() => AudioQuery.Parse(context.Request.Query));

        Assert.Equal((ErrorKind.InvalidInput, field), (e.Kind, e.Field));
    }
}

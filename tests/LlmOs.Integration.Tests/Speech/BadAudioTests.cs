using System.Net.Http.Headers;
using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Speech;

/// <summary>
/// Audio that is wrong in one way each, through <c>/v1/voice</c> (a body of known length and a chunked one, as a
/// recording in progress arrives) and OpenAI's <c>/v1/audio/transcriptions</c>: each is refused with its stable code and
/// status, and afterwards the daemon is healthy and still understands a spoken command.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class BadAudioTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private const string Truncated = "a WAV header announcing more data than there is";
    private readonly DaemonProcess _daemon = fixture.Daemon;

    public static TheoryData<string, string, int> Cases => new()
    {
        { "random bytes", "unsupported_media", 415 },
        { Truncated, "unsupported_media", 415 },
        { "a WAV header declaring 2 hours", "too_large", 413 },
        { "an A-law WAV", "unsupported_media", 415 },
        { "an MP3-in-WAV", "unsupported_media", 415 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_audio_is_refused_with_its_code_on_every_audio_endpoint_and_the_daemon_stays_well(string what, string code, int status)
    {
        byte[] audio = Audio(what);

        var (voiceStatus, voice) = await VoiceWire.VoiceAsync(_daemon.Http, audio);
        Assert.True(voiceStatus == status && VoiceWire.ErrorCode(voice) == code, $"/v1/voice with {what}: {voiceStatus} {voice}");
        Assert.Equal("body", voice.GetProperty("error").GetProperty("field").GetString());

        var (chunkedStatus, chunked) = await PostChunkedAsync(audio);
        if (what == Truncated)
        {
            // A recording sent as it is made may stop before the length its header guessed (the user let go of the key):
            // the stream is heard as far as it goes. Here that is a hum, so nothing is caught and nothing acts.
            Assert.True(chunkedStatus == 200 && chunked.GetProperty("text").GetString() == SpokenCorpus.NotCaught, $"chunked /v1/voice with {what}: {chunkedStatus} {chunked}");
        }
        else
        {
            Assert.True(chunkedStatus == status && VoiceWire.ErrorCode(chunked) == code, $"chunked /v1/voice with {what}: {chunkedStatus} {chunked}");
        }

        var (openAiStatus, openAi) = await TranscribeAsync(audio);
        Assert.True(openAiStatus == status && VoiceWire.ErrorCode(openAi) == code, $"/v1/audio/transcriptions with {what}: {openAiStatus} {openAi}");
        Assert.Equal("file", openAi.GetProperty("error").GetProperty("param").GetString());

        await AssertStillWellAsync();
    }

    [Fact]
    public async Task An_empty_body_or_file_is_invalid_input_and_the_daemon_stays_well()
    {
        var (voiceStatus, voice) = await VoiceWire.VoiceAsync(_daemon.Http, []);
        Assert.True(voiceStatus == 400 && VoiceWire.ErrorCode(voice) == "invalid_input", $"/v1/voice with nothing: {voiceStatus} {voice}");

        var (chunkedStatus, chunked) = await PostChunkedAsync([]);
        Assert.True(chunkedStatus == 400 && VoiceWire.ErrorCode(chunked) == "invalid_input", $"chunked /v1/voice with nothing: {chunkedStatus} {chunked}");

        var (openAiStatus, openAi) = await TranscribeAsync([]);
        Assert.True(openAiStatus == 400 && VoiceWire.ErrorCode(openAi) == "invalid_input", $"/v1/audio/transcriptions with nothing: {openAiStatus} {openAi}");

        await AssertStillWellAsync();
    }

    private static byte[] Audio(string what) => what switch
    {
        "random bytes" => BadWavs.RandomBytes(8192, seed: 6),
        Truncated => BadWavs.Pcm16(declaredDataBytes: 32_000, actualDataBytes: 1000),
        "a WAV header declaring 2 hours" => BadWavs.Pcm16(declaredDataBytes: 2 * 3600 * 16_000 * 2, actualDataBytes: 1000),
        "an A-law WAV" => BadWavs.Codec(formatTag: 6, bitsPerSample: 8),
        "an MP3-in-WAV" => BadWavs.Codec(formatTag: 0x55, bitsPerSample: 0),
        _ => throw new ArgumentException(what),
    };

    /// <summary>Healthy, and a spoken command is still heard right.</summary>
    private async Task AssertStillWellAsync()
    {
        Assert.Equal("ok", (await _daemon.Client.HealthAsync()).Status);
        using var dir = new TempDir();
        byte[] wav = await VoiceWire.SayAsync(dir, "set a timer for five minutes", SpokenCorpus.Voices[0], 140);
        var (status, answer) = await VoiceWire.VoiceAsync(_daemon.Http, wav);
        Assert.True(status == 200, $"{status} {answer}\n{_daemon.Log}");
        Assert.Equal("timer.set", VoiceWire.Intent(answer));
        Assert.True(VoiceWire.SlotsMatch(answer, "duration=300"), answer.ToString());
    }

    /// <summary>The audio as a chunked body (no Content-Length), as a recording in progress is sent.</summary>
    private async Task<(int Status, JsonElement Body)> PostChunkedAsync(byte[] audio)
    {
        using var content = new StreamContent(new MemoryStream(audio));
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/voice?time_zone=UTC") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _daemon.Http.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<(int Status, JsonElement Body)> TranscribeAsync(byte[] audio)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(audio);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "file", "audio.wav");
        form.Add(new StringContent("whisper-1"), "model");
        using var response = await _daemon.Http.PostAsync("v1/audio/transcriptions", form);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}

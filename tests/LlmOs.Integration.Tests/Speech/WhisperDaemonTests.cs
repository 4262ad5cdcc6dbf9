using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Integration.Tests.SpeechCli;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Speech;

/// <summary>
/// Whisper.net through the real llmosd: the ggml test model in the models folder becomes a speech model, and OpenAI's
/// <c>POST /v1/audio/transcriptions</c> runs it over jfk.wav. The model has no trained weights, so the transcript is well
/// formed and empty. A transcription whose caller hangs up mid-way is cancelled and leaves nothing running.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class WhisperDaemonTests(WhisperDaemonFixture fixture) : IClassFixture<WhisperDaemonFixture>
{
    private readonly DaemonProcess _daemon = fixture.Daemon;
    private readonly string _model = fixture.Model;

    [Fact]
    public async Task Jfk_wav_is_transcribed_to_a_well_formed_empty_transcript()
    {
        byte[] jfk = await File.ReadAllBytesAsync(SpokenAudio.Jfk);

        using var plain = await TranscribeAsync(jfk, "json", CancellationToken.None);
        string json = await plain.Content.ReadAsStringAsync();
        Assert.True(plain.IsSuccessStatusCode, json + _daemon.Log);
        var text = JsonDocument.Parse(json).RootElement;
        Assert.Equal("", text.GetProperty("text").GetString());

        using var verbose = await TranscribeAsync(jfk, "verbose_json", CancellationToken.None);
        var full = JsonDocument.Parse(await verbose.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("", full.GetProperty("text").GetString());
        Assert.Equal("transcribe", full.GetProperty("task").GetString());
        Assert.Equal(11.0, full.GetProperty("duration").GetDouble(), 0.1); // jfk.wav lasts 11 s
        Assert.Equal(JsonValueKind.Array, full.GetProperty("segments").ValueKind);
        Assert.Equal(0, full.GetProperty("segments").GetArrayLength());
        Assert.Equal(_model, full.GetProperty("model").GetString());

        var tasks = (await _daemon.Client.ListTasksAsync()).Where(t => t.Kind == "transcribe" && t.State == TaskStates.Completed).ToList();
        Assert.True(tasks.Count >= 2 && tasks.All(t => t.Model == _model && t.Result?.Duration > 10), string.Join(", ", tasks.Select(t => $"{t.Model} {t.Result?.Duration}")));
    }

    [Theory]
    [InlineData("a 48 kHz stereo float WAV")]
    [InlineData("an MP3")]
    [InlineData("an Ogg/Opus file")]
    public async Task Jfk_in_other_forms_is_decoded_resampled_and_transcribed_to_the_same_11_seconds(string form)
    {
        using var dir = new TempDir();
        byte[] jfk = await File.ReadAllBytesAsync(SpokenAudio.Jfk);
        byte[] audio = form switch
        {
            "a 48 kHz stereo float WAV" => JfkFormats.StereoFloat48k(jfk),
            "an MP3" => await JfkFormats.Mp3Async(dir),
            _ => await JfkFormats.OpusAsync(dir),
        };

        using var verbose = await TranscribeAsync(audio, "verbose_json", CancellationToken.None);
        string json = await verbose.Content.ReadAsStringAsync();
        Assert.True(verbose.IsSuccessStatusCode, json);
        var full = JsonDocument.Parse(json).RootElement;
        Assert.Equal("", full.GetProperty("text").GetString());
        Assert.Equal(11.0, full.GetProperty("duration").GetDouble(), 0.2); // encoders pad a little
        Assert.Equal(0, full.GetProperty("segments").GetArrayLength());
    }

    [Fact]
    public async Task A_transcription_whose_caller_hangs_up_is_cancelled_and_the_next_one_runs()
    {
        // jfk.wav five times over (55 s): long enough for Whisper to still be at work when the caller goes.
        byte[] longer = Repeat(await File.ReadAllBytesAsync(SpokenAudio.Jfk), 5);
        using var hangUp = new CancellationTokenSource();
        var call = TranscribeAsync(longer, "json", hangUp.Token);
        var running = await SpeechTasks.WaitForAsync(_daemon, "transcribe", TaskStates.Running);
        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        var ended = await SpeechTasks.WaitForEndAsync(_daemon, running.Id);
        Assert.True(ended.State == TaskStates.Cancelled, $"the transcription ended {ended.State}: Whisper finished 55 s of audio before the hang-up was seen, so this run proves nothing\n{_daemon.Log}");
        await SpeechTasks.AssertNoneRunningAsync(_daemon);

        using var next = await TranscribeAsync(await File.ReadAllBytesAsync(SpokenAudio.Jfk), "text", CancellationToken.None);
        Assert.True(next.IsSuccessStatusCode, await next.Content.ReadAsStringAsync());
        Assert.Equal("\n", await next.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> TranscribeAsync(byte[] wav, string format, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(wav);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "file", "jfk.wav");
        form.Add(new StringContent(_model), "model");
        form.Add(new StringContent(format), "response_format");
        return await _daemon.Http.PostAsync("v1/audio/transcriptions", form, cancellationToken);
    }

    /// <summary>A 16-bit PCM WAV's samples <paramref name="times"/> over, under a new header.</summary>
    private static byte[] Repeat(byte[] wav, int times)
    {
        var (pcm, rate) = SpokenAudio.RawPcm(wav);
        int channels = BitConverter.ToInt16(wav, 22);
        int data = pcm.Length * times;
        using var output = new MemoryStream();
        using (var writer = new BinaryWriter(output, Encoding.ASCII, leaveOpen: true))
        {
            writer.Write("RIFF"u8);
            writer.Write(36 + data);
            writer.Write("WAVEfmt "u8);
            writer.Write(16);
            writer.Write((short)1);
            writer.Write((short)channels);
            writer.Write(rate);
            writer.Write(rate * channels * 2);
            writer.Write((short)(channels * 2));
            writer.Write((short)16);
            writer.Write("data"u8);
            writer.Write(data);
            for (int i = 0; i < times; i++)
            {
                writer.Write(pcm);
            }
        }

        return output.ToArray();
    }
}

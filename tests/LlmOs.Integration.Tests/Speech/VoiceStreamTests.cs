using System.Net.Http.Headers;
using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Speech;

/// <summary>
/// The voice task's progress as it happens: <c>POST /v1/voice?stream=true</c> with a chunked body answers Server-Sent
/// Events — what was heard (<c>transcript</c>), the <c>intent</c>, then one <c>result</c> (or one <c>error</c>) — and a
/// <c>voice</c> task submitted to <c>/v1/tasks</c> with base64 audio ends with the same answer.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class VoiceStreamTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private const string Command = "set a timer for five minutes";
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task A_streamed_voice_request_reports_the_transcript_then_the_intent_then_the_spoken_result()
    {
        using var dir = new TempDir();
        byte[] wav = await VoiceWire.SayAsync(dir, Command, SpokenCorpus.Voices[0], 190);

        var events = await PostStreamedAsync(wav, "time_zone=UTC&stream=true&speak=true&sample_rate=16000");

        Assert.Contains(events, e => e.Event == TaskEventNames.Transcript);
        var names = events.Select(e => e.Event).ToList();
        int intent = names.IndexOf(TaskEventNames.Intent);
        Assert.True(intent > names.IndexOf(TaskEventNames.Transcript), string.Join(", ", names));
        Assert.Equal(intent, names.LastIndexOf(TaskEventNames.Intent));
        Assert.Equal("timer.set", events[intent].Data.GetProperty("text").GetString());
        Assert.Equal("result", names[^1]);
        Assert.Single(names, n => n is "result" or "error");
        Assert.Contains("timer", events.Last(e => e.Event == TaskEventNames.Transcript).Data.GetProperty("text").GetString());

        var result = events[^1].Data;
        Assert.Equal("timer.set", VoiceWire.Intent(result));
        Assert.True(VoiceWire.SlotsMatch(result, "duration=300"), result.ToString());
        byte[] reply = Convert.FromBase64String(result.GetProperty("audio").GetString()!);
        SpeechCli.SpokenAudio.AssertWav(reply);
        Assert.Equal(16_000, BitConverter.ToInt32(reply, 24));
    }

    [Fact]
    public async Task A_streamed_voice_request_of_no_audio_ends_with_one_error_event()
    {
        var events = await PostStreamedAsync(BadWavs.RandomBytes(4096, seed: 9), "stream=true");

        var last = Assert.Single(events);
        Assert.Equal("error", last.Event);
        Assert.Equal("unsupported_media", VoiceWire.ErrorCode(last.Data));
        Assert.Equal("ok", (await _daemon.Client.HealthAsync()).Status);
    }

    [Fact]
    public async Task A_voice_task_with_base64_audio_ends_with_the_intent_and_the_transcript()
    {
        using var dir = new TempDir();
        byte[] wav = await VoiceWire.SayAsync(dir, "lock the screen", SpokenCorpus.Voices[1], 140);
        string body = $$$"""{"kind":"voice","input":{"audio":"{{{Convert.ToBase64String(wav)}}}"},"options":{"time_zone":"UTC"}}""";

        using var response = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(body));
        var submitted = await TaskWire.ReadTaskAsync(response);
        Assert.Equal("voice", submitted.Kind);
        var task = await _daemon.Client.WaitAsync(submitted.Id);

        Assert.True(task.State == TaskStates.Completed, $"{task.State} {task.Error?.Code} {task.Error?.Message}");
        Assert.Equal("screen.lock", task.Result!.Intent);
        Assert.True(task.Result.Accepted);
        Assert.Equal("grammar", task.Result.Recognizer);
        Assert.Contains("lock the screen", task.Result.Transcript);
        Assert.NotNull(task.Result.Action); // the client does what the action says: llmosd only answers it
    }

    /// <summary>POSTs the audio as a chunked body and reads the whole event stream as (event, data) pairs.</summary>
    private async Task<List<(string Event, JsonElement Data)>> PostStreamedAsync(byte[] audio, string query)
    {
        using var content = new StreamContent(new MemoryStream(audio));
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/voice?" + query) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _daemon.Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        var events = new List<(string, JsonElement)>();
        foreach (string block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null, data = null;
            foreach (string line in block.Split('\n'))
            {
                name = line.StartsWith("event: ", StringComparison.Ordinal) ? line[7..] : name;
                data = line.StartsWith("data: ", StringComparison.Ordinal) ? line[6..] : data;
            }

            if (name is not null && data is not null)
            {
                events.Add((name, JsonDocument.Parse(data).RootElement.Clone()));
            }
        }

        return events;
    }
}

using System.Text;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests;

/// <summary>Generation with the real model through the client library and raw HTTP: streaming, determinism, limits.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class GenerationTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private const string Prompt = "Once upon a time";
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task Streamed_deltas_concatenate_to_the_final_result()
    {
        var text = new StringBuilder();
        TaskDto? final = null;
        var names = new List<string>();
        await foreach (var e in _daemon.Client.StreamAsync(Prompt, new TaskOptions(MaxTokens: 60, Temperature: 0.9f, Seed: 7)))
        {
            names.Add(e.Name);
            if (e.Name == TaskEventNames.Delta)
            {
                text.Append(e.Data.Text);
            }
            else if (e.IsFinal)
            {
                final = e.Data.Task;
            }
        }

        Assert.NotNull(final);
        Assert.Equal(TaskStates.Completed, final.State);
        Assert.Equal(final.Result!.Text, text.ToString());
        Assert.True(final.Result.Text.Length > 20, final.Result.Text);
        Assert.Equal([TaskEventNames.Queued, TaskEventNames.Started], names.Take(2));
        Assert.Equal(TaskEventNames.Completed, names[^1]);
        Assert.Single(names, TaskEventNames.IsFinal);
    }

    [Fact]
    public async Task Greedy_generation_is_identical_across_runs_and_across_streaming_and_waiting()
    {
        var options = new TaskOptions(MaxTokens: 80, Temperature: 0, Seed: 42);
        var first = await _daemon.Client.GenerateAsync(Prompt, options);
        var second = await _daemon.Client.GenerateAsync(Prompt, options);

        var streamed = new StringBuilder();
        await foreach (var piece in _daemon.Client.StreamTextAsync(Prompt, options))
        {
            streamed.Append(piece);
        }

        using var response = await _daemon.Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(TaskWire.Generate(Prompt, 80, 0, 42)));
        var waited = await TaskWire.ReadTaskAsync(response);

        Assert.Contains("Lily", first.Result!.Text); // stories260K's greedy continuation is a story about Lily
        Assert.Equal(first.Result.Text, second.Result!.Text);
        Assert.Equal(first.Result.Text, streamed.ToString());
        Assert.Equal(first.Result.Text, waited.Result!.Text);
    }

    [Fact]
    public async Task Max_tokens_is_honoured()
    {
        var task = await _daemon.Client.GenerateAsync(Prompt, new TaskOptions(MaxTokens: 7, Temperature: 0));
        Assert.Equal(7, task.Result!.Tokens);
        Assert.Equal("length", task.Result.FinishReason);
    }

    [Fact]
    public async Task Stop_sequences_end_the_text_before_the_stop()
    {
        var options = new TaskOptions(MaxTokens: 80, Temperature: 0, Seed: 1);
        string full = (await _daemon.Client.GenerateAsync(Prompt, options)).Result!.Text;
        int at = full.IndexOf("park", StringComparison.Ordinal);
        Assert.True(at > 0, full);

        var stopped = new StringBuilder();
        await foreach (var piece in _daemon.Client.StreamTextAsync(Prompt, options with { Stop = ["park"] }))
        {
            stopped.Append(piece);
        }

        var task = await _daemon.Client.GenerateAsync(Prompt, options with { Stop = ["park", "zzz"] });
        Assert.Equal(full[..at], stopped.ToString());
        Assert.Equal(full[..at], task.Result!.Text);
        Assert.Equal("stop", task.Result.FinishReason);
    }

    [Fact]
    public async Task Raw_sse_stream_has_the_documented_event_sequence()
    {
        using var response = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(TaskWire.Generate(Prompt, 10, stream: true)));
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = TaskWire.ParseSse(await response.Content.ReadAsStringAsync());

        Assert.Equal("queued", events[0].Event);
        Assert.Equal("started", events[1].Event);
        Assert.Equal("completed", events[^1].Event);
        Assert.All(events, e => Assert.Equal(events[0].Data.TaskId, e.Data.TaskId));
        Assert.Equal(events[^1].Data.Task!.Result!.Text, string.Concat(events.Where(e => e.Event == "delta").Select(e => e.Data.Text)));
    }

    [Fact]
    public async Task A_submitted_task_can_be_read_listed_and_followed_after_it_finished()
    {
        using var submit = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(TaskWire.Generate(Prompt, 12)));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, submit.StatusCode);
        var queued = await TaskWire.ReadTaskAsync(submit);
        Assert.Equal($"/v1/tasks/{queued.Id}", submit.Headers.Location!.OriginalString);

        var finished = await _daemon.Client.WaitAsync(queued.Id);
        Assert.Equal(TaskStates.Completed, finished.State);

        var read = await _daemon.Client.GetTaskAsync(queued.Id);
        Assert.Equal(finished.Result!.Text, read.Result!.Text);
        Assert.Contains(await _daemon.Client.ListTasksAsync(), t => t.Id == queued.Id);

        // The event log replays in full after the fact.
        string replay = await _daemon.Http.GetStringAsync($"v1/tasks/{queued.Id}/events");
        var events = TaskWire.ParseSse(replay);
        Assert.Equal(finished.Result.Text, string.Concat(events.Where(e => e.Event == "delta").Select(e => e.Data.Text)));
    }

    [Fact]
    public async Task Health_status_and_models_describe_the_daemon()
    {
        var health = await _daemon.Client.HealthAsync();
        Assert.Equal("ok", health.Status);
        Assert.False(string.IsNullOrEmpty(health.Version));

        var status = await _daemon.Client.StatusAsync();
        Assert.Equal("user", status.Mode);
        Assert.Equal(_daemon.Socket, status.Socket);
        Assert.Contains(status.Models, m => m.Id == "stories260K");

        var model = Assert.Single((await _daemon.Client.ListModelsAsync()).Data, m => m.Kind == "text"); // beside the built-in embedder
        Assert.Equal("llama", model.Architecture);
        Assert.Equal(2048, model.ContextLength);
        Assert.Equal(292800, model.Parameters);
        Assert.False(model.HasChatTemplate);
    }
}

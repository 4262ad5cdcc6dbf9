using System.Diagnostics;
using LlmOs.Client;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests;

/// <summary>Every way a task can be abandoned stops it within a second and frees the model for the next task.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class CancellationTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private const int Long = LongGeneration.Tokens;
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task Delete_ends_a_running_generation_within_a_second_and_the_next_task_starts_at_once()
    {
        var running = await _daemon.Client.SubmitGenerateAsync("Once upon a time", new TaskOptions(MaxTokens: Long, Temperature: 0));
        var next = await _daemon.Client.SubmitGenerateAsync("The dog", new TaskOptions(MaxTokens: 5, Temperature: 0));
        await WaitForStateAsync(running.Id, TaskStates.Running);
        await Task.Delay(100); // into the token loop, well before its end

        var watch = Stopwatch.StartNew();
        using var response = await _daemon.Http.DeleteAsync($"v1/tasks/{running.Id}");
        var cancelled = await TaskWire.ReadTaskAsync(response);
        Assert.Equal(TaskStates.Cancelled, cancelled.State);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"cancel took {watch.Elapsed}"); // uncancelled it runs for minutes
        Assert.Equal("cancelled", cancelled.Error!.Code);

        var done = await _daemon.Client.WaitAsync(next.Id);
        Assert.Equal(TaskStates.Completed, done.State);
        Assert.True(done.StartedAt!.Value - cancelled.FinishedAt!.Value < TimeSpan.FromSeconds(10), $"next started {done.StartedAt - cancelled.FinishedAt} after the cancel");
    }

    [Fact]
    public async Task Closing_a_streaming_connection_cancels_its_task()
    {
        // A raw socket, closed the moment we have seen some text: exactly what a client that dies does.
        string id;
        using (var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified))
        {
            await socket.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(_daemon.Socket));
            string body = TaskWire.Generate("Once upon a time", Long, stream: true);
            string request = $"POST /v1/tasks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
            await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(request));
            using var stream = new System.Net.Sockets.NetworkStream(socket, ownsSocket: false);
            using var reader = new StreamReader(stream);
            id = await ReadTaskIdAndSomeDeltasAsync(reader);
            socket.Close();
        }

        var watch = Stopwatch.StartNew();
        var task = await WaitForStateAsync(id, TaskStates.Cancelled);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the task ended {watch.Elapsed} after the disconnect"); // uncancelled it runs for minutes
        Assert.Null(task.Result);
    }

    [Fact]
    public async Task Cancelling_the_client_token_cancels_the_task_on_the_daemon()
    {
        using var cts = new CancellationTokenSource();
        string? id = null;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in _daemon.Client.StreamAsync("Once upon a time", new TaskOptions(MaxTokens: Long, Temperature: 0), cts.Token))
            {
                id = e.Data.TaskId;
                if (e.Name == TaskEventNames.Delta)
                {
                    cts.Cancel();
                }
            }
        });

        Assert.NotNull(id);
        await WaitForStateAsync(id, TaskStates.Cancelled);
    }

    [Fact]
    public async Task Cancelling_a_wait_cancels_the_task()
    {
        var task = await _daemon.Client.SubmitGenerateAsync("Once upon a time", new TaskOptions(MaxTokens: Long, Temperature: 0));
        await WaitForStateAsync(task.Id, TaskStates.Running);

        // Cancelled soon after it started: the generation runs for most of a second even on an idle machine.
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _daemon.Client.WaitAsync(task.Id, cts.Token));
        await WaitForStateAsync(task.Id, TaskStates.Cancelled);
    }

    [Fact]
    public async Task A_queued_task_is_cancelled_at_once_and_never_runs()
    {
        // The model runs four sequences at once: four long tasks take every slot, so the fifth waits.
        var running = new List<TaskDto>();
        for (int i = 0; i < 4; i++)
        {
            running.Add(await _daemon.Client.SubmitGenerateAsync("Once upon a time", new TaskOptions(MaxTokens: Long, Temperature: 0)));
        }

        var queued = await _daemon.Client.SubmitGenerateAsync("The dog", new TaskOptions(MaxTokens: 5));

        var cancelled = await _daemon.Client.CancelAsync(queued.Id);
        Assert.Equal(TaskStates.Cancelled, cancelled.State);
        Assert.Null(cancelled.StartedAt);
        foreach (var task in running)
        {
            await _daemon.Client.CancelAsync(task.Id);
        }

        var failed = await Assert.ThrowsAsync<LlmosException>(() => _daemon.Client.GenerateAsync("x", new TaskOptions(MaxTokens: 1, Model: "missing")));
        Assert.Equal("model_not_found", failed.Code);
    }

    private static async Task<string> ReadTaskIdAndSomeDeltasAsync(StreamReader reader)
    {
        string? id = null;
        int deltas = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ") && id is null)
            {
                id = System.Text.Json.JsonDocument.Parse(line[6..]).RootElement.GetProperty("task_id").GetString();
            }

            if (line == "event: delta" && ++deltas == 20)
            {
                return id!;
            }
        }

        throw new InvalidOperationException("the stream ended early");
    }

    private async Task<TaskDto> WaitForStateAsync(string id, string state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var task = await _daemon.Client.GetTaskAsync(id);
            if (task.State == state || DateTime.UtcNow > deadline)
            {
                Assert.Equal(state, task.State);
                return task;
            }

            await Task.Delay(10);
        }
    }
}

using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.OpenAi;

/// <summary>A client that hangs up on an OpenAI request, streamed or not, cancels its task, as on the native API.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class OpenAiCancellationTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private static readonly string Long = $$"""{"messages":[{"role":"user","content":"Once upon a time"}],"max_tokens":{{LongGeneration.Tokens}},"temperature":0""";
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task Hanging_up_mid_stream_cancels_the_task()
    {
        string openAiId;
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_daemon.Socket));
            string body = Long + ",\"stream\":true}";
            string request = $"POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
            await socket.SendAsync(Encoding.UTF8.GetBytes(request));
            using var stream = new NetworkStream(socket, ownsSocket: false);
            using var reader = new StreamReader(stream);
            openAiId = await ReadIdAfterSomeChunksAsync(reader);
            socket.Close();
        }

        var watch = Stopwatch.StartNew();
        var task = await WaitInListAsync(OpenAiWire.TaskId(openAiId), TaskStates.Cancelled);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"the task ended {watch.Elapsed} after the hang-up");
        Assert.Null(task.Result);
    }

    [Fact]
    public async Task Hanging_up_while_waiting_for_a_whole_answer_cancels_the_task()
    {
        var known = (await _daemon.Client.ListTasksAsync()).Select(t => t.Id).ToHashSet();
        using var cts = new CancellationTokenSource();
        var post = _daemon.Http.PostAsync("v1/chat/completions", UnixHttp.Json(Long + "}"), cts.Token);

        // Wait until the task runs, then go away as a client that gives up would.
        var running = await WaitForNewTaskAsync(known, TaskStates.Running);
        await Task.Delay(200);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);

        var task = await WaitInListAsync(running.Id, TaskStates.Cancelled);
        Assert.Null(task.Result);
    }

    private static async Task<string> ReadIdAfterSomeChunksAsync(StreamReader reader)
    {
        int chunks = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: {", StringComparison.Ordinal) && ++chunks == 4)
            {
                return JsonDocument.Parse(line[6..]).RootElement.GetProperty("id").GetString()!;
            }
        }

        throw new InvalidOperationException("the stream ended early");
    }

    private async Task<TaskDto> WaitForNewTaskAsync(HashSet<string> known, string state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if ((await _daemon.Client.ListTasksAsync()).FirstOrDefault(t => !known.Contains(t.Id) && t.State == state) is { } task)
            {
                return task;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("no new task reached " + state);
    }

    /// <summary>Polls <c>GET /v1/tasks</c> (the list, as the issue asks) until the task is in <paramref name="state"/>.</summary>
    private async Task<TaskDto> WaitInListAsync(string id, string state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var task = (await _daemon.Client.ListTasksAsync()).Single(t => t.Id == id);
            if (task.State == state || DateTime.UtcNow > deadline)
            {
                Assert.Equal(state, task.State);
                return task;
            }

            await Task.Delay(10);
        }
    }
}

using System.Net.Sockets;
using System.Text;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Vision;

/// <summary>
/// The connection of an image shortcut is its task's lifeline: a client that hangs up cancels the task, whether it still
/// waits in the queue or already runs. Proved through the task's final state, never through a duration.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ImageCancellationTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private DaemonProcess _daemon = null!;

    public async Task InitializeAsync() => _daemon = await VisionDaemon.StartAsync(_dir.Path, environment: new Dictionary<string, string>
    {
        ["LLMOSD_QUEUECAPACITY"] = "4000",
    });

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Hanging_up_on_a_classify_that_waits_in_the_queue_cancels_it_before_it_runs()
    {
        // Many interactive classifications first: the shortcut's background one waits behind all of them.
        string tiny = Convert.ToBase64String(Pictures.SmallPng(Pictures.Eagle, 16));
        string clog = $$$"""{"kind":"classify","input":{"image":"{{{tiny}}}"}}""";
        var ahead = new HashSet<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 600), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) =>
        {
            using var response = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(clog), ct);
            var task = await TaskWire.ReadTaskAsync(response);
            lock (ahead)
            {
                ahead.Add(task.Id);
            }
        });

        TaskDto ours;
        using (var socket = await SendAsync("/v1/images/classify?priority=background", Pictures.Eagle))
        {
            ours = await WaitForTaskAsync(t => t.Kind == "classify" && !ahead.Contains(t.Id));
            Assert.Equal(TaskStates.Queued, ours.State);
            socket.Close();
        }

        var ended = await WaitForEndAsync(ours.Id);
        Assert.Equal(TaskStates.Cancelled, ended.State);
        Assert.Null(ended.StartedAt);
        Assert.Null(ended.Result);
        await VisionDaemon.AssertHealthyAsync(_daemon);
    }

    [Fact]
    public async Task Hanging_up_on_a_running_text_recognition_cuts_it_short()
    {
        // A page of text: tesseract needs seconds for it, so it is running when the client goes.
        string line = "Sphinx of black quartz, judge my vow. Pack my box with liquor jugs.";
        byte[] page = Pictures.TextPng(Enumerable.Repeat(line, 90).ToArray(), width: 2480, height: 3508, textSize: 28, lineHeight: 38);

        TaskDto ours;
        using (var socket = await SendAsync("/v1/images/ocr", page))
        {
            ours = await WaitForTaskAsync(t => t.Kind == "ocr" && t.State == TaskStates.Running);
            socket.Close();
        }

        var ended = await WaitForEndAsync(ours.Id);
        Assert.Equal(TaskStates.Cancelled, ended.State);
        Assert.NotNull(ended.StartedAt);
        Assert.Null(ended.Result);
        await VisionDaemon.AssertHealthyAsync(_daemon);
    }

    /// <summary>A raw connection that has sent a whole request with the file as its body, and waits.</summary>
    private async Task<Socket> SendAsync(string path, byte[] body)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(_daemon.Socket));
        await socket.SendAsync(Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: {body.Length}\r\n\r\n"));
        await socket.SendAsync(body);
        return socket;
    }

    private async Task<TaskDto> WaitForTaskAsync(Func<TaskDto, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if ((await _daemon.Client.ListTasksAsync()).FirstOrDefault(match) is { } task)
            {
                return task;
            }

            Assert.True(DateTime.UtcNow < deadline, "the task never showed up as expected:\n" + _daemon.Log);
            await Task.Delay(20);
        }
    }

    private async Task<TaskDto> WaitForEndAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var task = await _daemon.Client.GetTaskAsync(id);
            if (task.State is TaskStates.Completed or TaskStates.Failed or TaskStates.Cancelled)
            {
                return task;
            }

            Assert.True(DateTime.UtcNow < deadline, $"task {id} did not end");
            await Task.Delay(20);
        }
    }
}

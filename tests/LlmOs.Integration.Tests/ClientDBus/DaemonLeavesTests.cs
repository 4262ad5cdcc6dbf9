using System.Diagnostics;
using LlmOs.Client;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.ClientDBus;

/// <summary>Followers of a task over D-Bus when llmosd leaves the bus mid-task: they fail, and fast, instead of waiting forever.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class DaemonLeavesTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_wait_and_a_stream_fail_as_unreachable_within_seconds_when_llmosd_is_killed()
    {
        await using var daemon = await BusDaemon.StartAsync();
        var longRun = new TaskOptions(MaxTokens: LongGeneration.Tokens, Temperature: 0);
        var request = new TaskSubmitRequest("generate", new TaskInput("Once upon a time"), longRun);

        var waiting = daemon.Client.Transport.SubmitAsync(request, wait: true, CancellationToken.None);
        await using var stream = daemon.Client.StreamAsync("Once upon a time", longRun).GetAsyncEnumerator();
        Assert.True(await stream.MoveNextAsync()); // queued: the stream's task is submitted
        await WaitUntilOneRunsAsync(daemon.Daemon.Client);

        daemon.Daemon.Process.Kill(entireProcessTree: true);
        var watch = Stopwatch.StartNew();

        var waitFailure = await Assert.ThrowsAsync<LlmosUnreachableException>(() => waiting.WaitAsync(Soon * 2));
        var streamFailure = await Assert.ThrowsAsync<LlmosUnreachableException>(() => ReadToEndAsync(stream).WaitAsync(Soon * 2));
        Assert.True(watch.Elapsed < Soon, $"the followers failed only after {watch.Elapsed}");
        Assert.Contains("llmosd left the bus while task", waitFailure.Message);
        Assert.Equal("unreachable", streamFailure.Code); // left the bus, or not on it when the stream asked for its task
    }

    private static async Task WaitUntilOneRunsAsync(LlmosClient socketClient)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!(await socketClient.ListTasksAsync()).Any(task => task.State == TaskStates.Running))
        {
            Assert.True(DateTime.UtcNow < deadline, "no task ran");
            await Task.Delay(10);
        }
    }

    private static async Task ReadToEndAsync(IAsyncEnumerator<TaskStreamEvent> stream)
    {
        while (await stream.MoveNextAsync())
        {
        }
    }
}

using LlmOs.Client.Transport.DBus;

namespace LlmOs.Integration.Tests.ClientDBus;

/// <summary>The queue between the bus's read loop and a task's reader: bounded, yet nothing is lost or reordered.</summary>
public sealed class TaskSignalQueueTests
{
    private const string Path = "/org/llmos/Task/abc";

    [Fact]
    public async Task A_reader_that_falls_behind_gets_the_surplus_text_merged_in_order()
    {
        var queue = new TaskSignalQueue(Path, capacity: 8);
        string[] pieces = [.. Enumerable.Range(0, 50).Select(i => $"<{i}>")];
        foreach (string piece in pieces[..20])
        {
            queue.Post(Delta(piece));
        }

        queue.Post(new TaskSignal(TaskSignalKind.StateChanged, Path, State: "running"));
        foreach (string piece in pieces[20..])
        {
            queue.Post(Delta(piece));
        }

        queue.Post(new TaskSignal(TaskSignalKind.Finished, Path, State: "completed"));

        var read = new List<TaskSignal>();
        do
        {
            read.Add(await queue.ReadAsync(CancellationToken.None));
        }
        while (read[^1].Kind != TaskSignalKind.Finished);

        Assert.True(read.Count < 20, $"{read.Count} signals: the surplus was not merged");
        Assert.Equal(string.Concat(pieces), string.Concat(read.Where(s => s.Kind == TaskSignalKind.Delta).Select(s => s.Text)));
        int state = read.FindIndex(s => s.Kind == TaskSignalKind.StateChanged);
        Assert.Equal(string.Concat(pieces[..20]), string.Concat(read[..state].Select(s => s.Text)));
    }

    [Fact]
    public async Task A_waiting_reader_wakes_for_a_signal_and_a_failure_comes_after_what_was_queued()
    {
        var queue = new TaskSignalQueue(Path);
        var waiting = queue.ReadAsync(CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);

        queue.Post(Delta("a"));
        Assert.Equal("a", (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Text);

        queue.Post(Delta("b"));
        queue.Fail(new InvalidOperationException("the bus went away"));
        Assert.Equal("b", (await queue.ReadAsync(CancellationToken.None)).Text);
        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.ReadAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Cancelling_a_wait_leaves_the_queue_usable()
    {
        var queue = new TaskSignalQueue(Path);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.ReadAsync(cancel.Token).AsTask());

        queue.Post(Delta("later"));
        Assert.Equal("later", (await queue.ReadAsync(CancellationToken.None)).Text);
    }

    private static TaskSignal Delta(string text) => new(TaskSignalKind.Delta, Path, Text: text);
}

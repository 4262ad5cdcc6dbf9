using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Serving;

/// <summary>Several generations on one loaded model, advanced together in one batch per step.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BatchingTests
{
    private const string Prompt = "Once upon a time";

    [Fact]
    public async Task Eight_concurrent_greedy_streams_each_get_the_text_they_would_get_alone()
    {
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            Environment = new Dictionary<string, string> { ["LLMOSD_PARALLELSEQUENCES"] = "8" },
        });
        var options = new TaskOptions(MaxTokens: 300, Temperature: 0);
        var alone = await daemon.Client.GenerateAsync(Prompt, options);

        var streams = Enumerable.Range(0, 8).Select(async _ =>
        {
            var text = new System.Text.StringBuilder();
            TaskDto? final = null;
            await foreach (var e in daemon.Client.StreamAsync(Prompt, options))
            {
                if (e.Name == TaskEventNames.Delta)
                {
                    text.Append(e.Data.Text);
                }
                else if (e.IsFinal)
                {
                    final = e.Data.Task;
                }
            }

            return (Text: text.ToString(), Task: final!);
        }).ToList();
        var results = await Task.WhenAll(streams);

        Assert.Equal(300, alone.Result!.Tokens);
        Assert.All(results, r =>
        {
            Assert.Equal(TaskStates.Completed, r.Task.State);
            Assert.Equal(alone.Result.Text, r.Text);
            Assert.Equal(alone.Result.Text, r.Task.Result!.Text);
        });

        // They ran together: every one started before any finished.
        var firstFinish = results.Min(r => r.Task.FinishedAt!.Value);
        Assert.All(results, r => Assert.True(r.Task.StartedAt < firstFinish, $"a task started at {r.Task.StartedAt:O}, after the first finished at {firstFinish:O}"));
    }

    [Fact]
    public async Task Tasks_beyond_the_parallel_limit_wait_and_join_the_batch_as_others_leave()
    {
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            Environment = new Dictionary<string, string> { ["LLMOSD_PARALLELSEQUENCES"] = "2" },
        });
        var alone = await daemon.Client.GenerateAsync(Prompt, new TaskOptions(MaxTokens: 100, Temperature: 0));

        // Different lengths, so sequences leave the batch at different steps and waiting tasks take their places.
        var tasks = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            daemon.Client.GenerateAsync(Prompt, new TaskOptions(MaxTokens: 20 + (i * 10), Temperature: 0))));

        Assert.All(tasks, t => Assert.True(alone.Result!.Text.StartsWith(t.Result!.Text, StringComparison.Ordinal), $"'{t.Result!.Text}' is not how the greedy text begins"));
        var ps = await daemon.Client.PsAsync();
        var model = Assert.Single(ps.Models);
        Assert.Equal(2, model.MaxSequences);
        Assert.Equal(0, model.ActiveSequences);
    }
}

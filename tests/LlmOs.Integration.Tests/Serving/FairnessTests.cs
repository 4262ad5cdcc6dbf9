using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Serving;

/// <summary>Queues per client uid, served round-robin: one client's burst cannot starve another's single task.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class FairnessTests
{
    [Fact]
    public async Task A_burst_of_100_tasks_from_one_uid_does_not_delay_another_uids_single_task()
    {
        var (dir, daemon) = await MultiUserDaemon.StartAsync(new() { ["LLMOSD_PARALLELSEQUENCES"] = "2" });
        using var _ = dir;
        await using var __ = daemon;
        // Burst tasks are long enough (200 tokens) that submitting all 100 takes far less time than running them,
        // however fast or loaded the machine: with 60 tokens a slow submit loop let half the burst finish first.
        var options = new TaskOptions(MaxTokens: 200, Temperature: 0);
        await daemon.Client.GenerateAsync("Once upon a time", options); // the model is loaded before the burst

        // Root (uid 0) queues 100 tasks; once they are under way, Bob asks for one.
        var burst = new List<TaskDto>();
        for (int i = 0; i < 100; i++)
        {
            burst.Add(await daemon.Client.SubmitGenerateAsync("Once upon a time", options));
        }

        var (status, body) = await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "POST", "/v1/tasks?wait=true", TaskWire.Generate("The dog", 60));
        Assert.Equal(200, status);
        var bob = JsonSerializer.Deserialize(body, IpcJsonContext.Default.TaskDto)!;
        Assert.Equal(TaskStates.Completed, bob.State);

        var roots = new List<TaskDto>();
        foreach (var task in burst)
        {
            roots.Add(await daemon.Client.WaitAsync(task.Id));
        }

        // Bob's task took the very next free slot: no task of the burst started while it waited …
        var overtook = roots.Where(t => t.StartedAt > bob.CreatedAt && t.StartedAt < bob.StartedAt).ToList();
        Assert.Empty(overtook);

        // … so it waited at most about one task's time (a slot came free), while most of the burst was still queued.
        var waited = bob.StartedAt!.Value - bob.CreatedAt;
        var longestTask = roots.Max(t => t.FinishedAt!.Value - t.StartedAt!.Value);
        Assert.True(waited <= longestTask + TimeSpan.FromMilliseconds(250), $"Bob waited {waited.TotalMilliseconds:F0} ms; one task takes at most {longestTask.TotalMilliseconds:F0} ms");
        Assert.True(roots.Count(t => t.StartedAt > bob.FinishedAt) > 50, "the burst should still have been mostly queued when Bob's task ended");
    }
}

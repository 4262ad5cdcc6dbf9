using System.Text.Json;
using LlmOs.Client;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Serving;

/// <summary>Models in memory: keep-alive, unloading, eviction of the least recently used idle model under a budget.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ResidencyTests
{
    private static readonly TaskOptions Short = new(MaxTokens: 5, Temperature: 0);

    [Fact]
    public async Task Keep_alive_zero_unloads_the_model_right_after_the_request()
    {
        await using var daemon = await DaemonProcess.StartAsync();

        await daemon.Client.GenerateAsync("Once upon a time", Short with { KeepAlive = JsonSerializer.SerializeToElement(0) });

        await EventuallyAsync(async () => (await daemon.Client.PsAsync()).Models.Count == 0, "the model is unloaded");
        Assert.Contains("unloaded (keep-alive expired)", daemon.Log);
    }

    [Fact]
    public async Task An_idle_model_stays_for_its_keep_alive_then_unloads()
    {
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            Environment = new Dictionary<string, string> { ["LLMOSD_KEEPALIVESECONDS"] = "3" },
        });

        await daemon.Client.GenerateAsync("Once upon a time", Short);
        var model = Assert.Single((await daemon.Client.PsAsync()).Models);
        Assert.Equal("loaded", model.State);
        Assert.NotNull(model.ExpiresAt);
        Assert.InRange(model.ExpiresAt.Value - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

        // A request's own keep-alive wins: -1 keeps it loaded.
        await daemon.Client.GenerateAsync("Once upon a time", Short with { KeepAlive = JsonSerializer.SerializeToElement("-1") });
        Assert.Null(Assert.Single((await daemon.Client.PsAsync()).Models).ExpiresAt);
        await daemon.Client.GenerateAsync("Once upon a time", Short);

        await EventuallyAsync(async () => (await daemon.Client.PsAsync()).Models.Count == 0, "the model unloads after 3 s idle", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_load_that_does_not_fit_the_budget_evicts_the_least_recently_used_idle_model()
    {
        // Three copies of the model; the budget holds two of them (each needs about 177 MiB, most of it the KV cache
        // of the test daemons' 65536-token context).
        await using var daemon = await StartWithCopiesAsync(budgetMiB: 400, "alpha", "beta", "gamma");

        await daemon.Client.GenerateAsync("Once upon a time", Short with { Model = "alpha" });
        await daemon.Client.GenerateAsync("Once upon a time", Short with { Model = "beta" });
        await daemon.Client.GenerateAsync("Once upon a time", Short with { Model = "alpha" }); // beta is now the least recently used
        Assert.Equal(["alpha", "beta"], (await daemon.Client.PsAsync()).Models.Select(m => m.Name));

        await daemon.Client.GenerateAsync("Once upon a time", Short with { Model = "gamma" });

        var ps = await daemon.Client.PsAsync();
        Assert.Equal(["alpha", "gamma"], ps.Models.Select(m => m.Name));
        Assert.True(ps.MemoryUsedBytes <= ps.MemoryBudgetBytes);
        Assert.Contains("Evicting idle model beta to make room for gamma", daemon.Log);
    }

    [Fact]
    public async Task When_nothing_can_be_evicted_the_task_waits_in_the_queue_until_memory_is_free()
    {
        await using var daemon = await StartWithCopiesAsync(budgetMiB: 250, "alpha", "beta"); // one fits, not two
        var busy = await daemon.Client.SubmitGenerateAsync("Once upon a time", new TaskOptions(Model: "alpha", MaxTokens: LongGeneration.Tokens, Temperature: 0));
        await EventuallyAsync(async () => (await daemon.Client.GetTaskAsync(busy.Id)).State == TaskStates.Running, "alpha runs");

        var waiting = await daemon.Client.SubmitGenerateAsync("Once upon a time", Short with { Model = "beta" });
        await Task.Delay(500);
        Assert.Equal(TaskStates.Queued, (await daemon.Client.GetTaskAsync(waiting.Id)).State);
        Assert.Equal(["alpha"], (await daemon.Client.PsAsync()).Models.Select(m => m.Name));

        await daemon.Client.CancelAsync(busy.Id);
        var done = await daemon.Client.WaitAsync(waiting.Id);

        Assert.Equal(TaskStates.Completed, done.State);
        Assert.Equal(["beta"], (await daemon.Client.PsAsync()).Models.Select(m => m.Name));
    }

    [Fact]
    public async Task The_embedding_model_counts_against_the_budget_and_unloads_after_its_keep_alive()
    {
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            Environment = new Dictionary<string, string> { ["LLMOSD_KEEPALIVESECONDS"] = "2" },
        });

        await daemon.Client.EmbedAsync(["set a timer for ten minutes"]);

        var ps = await daemon.Client.PsAsync();
        var embedder = Assert.Single(ps.Models);
        Assert.Equal("all-minilm-l6-v2", embedder.Name);
        Assert.Equal("embedding", embedder.Kind);
        Assert.True(embedder.MemoryBytes > 100L << 20);
        Assert.Equal(embedder.MemoryBytes, ps.MemoryUsedBytes);
        Assert.NotNull(embedder.ExpiresAt);
        await EventuallyAsync(async () => (await daemon.Client.PsAsync()).Models.Count == 0, "the embedder unloads after 2 s idle", TimeSpan.FromSeconds(10));
        Assert.Equal(0, (await daemon.Client.PsAsync()).MemoryUsedBytes);
    }

    [Fact]
    public async Task A_model_larger_than_the_whole_budget_fails_with_too_large_and_the_daemon_goes_on()
    {
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            Environment = new Dictionary<string, string> { ["LLMOSD_MEMORYBUDGETMIB"] = "10" },
        });

        var e = await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.GenerateAsync("Once upon a time", Short));

        Assert.Equal("too_large", e.Code);
        Assert.Contains("memory budget is 10 MiB", e.Message);
        Assert.Equal("ok", (await daemon.Client.HealthAsync()).Status);
    }

    [Fact]
    public async Task Models_load_and_unload_on_request_and_ps_shows_them()
    {
        await using var daemon = await DaemonProcess.StartAsync();

        var loaded = await daemon.Client.LoadModelAsync("stories260K", TimeSpan.FromMinutes(10));
        Assert.Equal("loaded", loaded.State);
        Assert.Equal(4, loaded.MaxSequences);
        Assert.Equal(0, loaded.GpuLayers);
        Assert.True(loaded.MemoryBytes > new FileInfo(TestPaths.Stories).Length);
        var ps = await daemon.Client.PsAsync();
        Assert.Equal("cpu", ps.Accelerator);
        Assert.Empty(ps.Gpus);
        Assert.Equal(loaded.MemoryBytes, ps.MemoryUsedBytes);

        Assert.True(await daemon.Client.UnloadModelAsync("stories260K"));
        Assert.Empty((await daemon.Client.PsAsync()).Models);
        Assert.False(await daemon.Client.UnloadModelAsync("stories260K"));
        var missing = await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.LoadModelAsync("nope"));
        Assert.Equal("model_not_found", missing.Code);
    }

    /// <summary>A daemon with the model registered under several names: each name is a model of its own to the daemon.</summary>
    private static async Task<DaemonProcess> StartWithCopiesAsync(int budgetMiB, params string[] names)
    {
        var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            WithModel = false,
            Environment = new Dictionary<string, string> { ["LLMOSD_MEMORYBUDGETMIB"] = budgetMiB.ToString() },
        });
        foreach (string name in names)
        {
            await daemon.Client.AddModelAsync(TestPaths.Stories, name);
        }

        return daemon;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? patience = null)
    {
        // A bound on waiting, not a speed claim: loading a model on a machine at load average 30 took longer than 5 s.
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(50);
        }
    }
}

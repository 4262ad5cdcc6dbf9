using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Serving;

/// <summary>Per-uid limits from configuration: queued tasks, and a daily token budget like AICore's per-app quota.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ClientLimitTests
{
    [Fact]
    public async Task A_client_over_its_queue_share_gets_busy_with_retry_after_while_another_client_is_served()
    {
        var (dir, daemon) = await MultiUserDaemon.StartAsync(new() { ["LLMOSD_MAXQUEUEDPERUID"] = "2", ["LLMOSD_PARALLELSEQUENCES"] = "1" });
        using var _ = dir;
        await using var __ = daemon;
        var running = await daemon.Client.SubmitGenerateAsync("Once upon a time", new TaskOptions(MaxTokens: LongGeneration.Tokens, Temperature: 0));
        while ((await daemon.Client.GetTaskAsync(running.Id)).State != TaskStates.Running)
        {
            await Task.Delay(10);
        }

        string body = TaskWire.Generate("The dog", 5);
        Assert.Equal(202, (await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "POST", "/v1/tasks", body)).Status);
        Assert.Equal(202, (await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "POST", "/v1/tasks", body)).Status);
        var (status, refused) = await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "POST", "/v1/tasks", body);
        Assert.Equal(429, status);
        var error = JsonDocument.Parse(refused).RootElement.GetProperty("error");
        Assert.Equal("busy", error.GetProperty("code").GetString());
        Assert.True(error.GetProperty("retry_after_s").GetDouble() > 0);

        // Bob has his own share.
        Assert.Equal(202, (await TestUsers.CurlAsAsync(TestUsers.Bob, daemon.Socket, "POST", "/v1/tasks", body)).Status);
        var aliceStatus = await TestUsers.CurlAsAsync(TestUsers.Alice, daemon.Socket, "GET", "/v1/status");
        var usage = JsonSerializer.Deserialize(aliceStatus.Body, IpcJsonContext.Default.StatusResponse)!.Usage!;
        Assert.Equal(await TestUsers.UidAsync(TestUsers.Alice), usage.Uid);
        Assert.Equal(2, usage.Queued);
        Assert.Equal(2, usage.MaxQueued);
        await daemon.Client.CancelAsync(running.Id);
    }

    [Fact]
    public async Task A_spent_daily_token_budget_is_refused_with_quota_exceeded_and_when_it_resets()
    {
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            Environment = new Dictionary<string, string> { ["LLMOSD_DAILYTOKENSPERUID"] = "40" },
        });

        var first = await daemon.Client.GenerateAsync("Once upon a time", new TaskOptions(MaxTokens: 40, Temperature: 0));
        Assert.Equal(40, first.Result!.Tokens);

        using var response = await daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(TaskWire.Generate("Once upon a time", 5)));
        Assert.Equal(429, (int)response.StatusCode);
        var error = await TaskWire.ReadErrorAsync(response);
        Assert.Equal("quota_exceeded", error.GetProperty("code").GetString());
        Assert.Contains("resets at", error.GetProperty("message").GetString());
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.True(response.Headers.RetryAfter!.Delta <= TimeSpan.FromDays(1));

        var status = await daemon.Client.StatusAsync();
        Assert.Equal(40, status.Usage!.TokensToday);
        Assert.Equal(40, status.Usage.DailyTokenLimit);
        var cli = await ProcessRunner.LlmosctlAsync(daemon.Socket, "status");
        Assert.Contains("40 of 40 tokens today", cli.Stdout);
    }
}

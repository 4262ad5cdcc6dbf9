using System.Diagnostics;
using System.Net.Http.Json;
using LlmOs.Client;
using LlmOs.Client.Transport.DBus;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc;
using LlmOs.Ipc.Capabilities;
using LlmOs.Ipc.Errors;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.ClientDBus;

/// <summary>The client library over D-Bus against the real llmosd on a private bus: the same answers as over the socket.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BusClientTests
{
    private const string Prompt = "Once upon a time";
    private static readonly TaskOptions Greedy = new(MaxTokens: 40, Temperature: 0, Seed: 7);

    [Fact]
    public async Task The_bus_and_the_socket_give_the_same_greedy_text()
    {
        await using var daemon = await BusDaemon.StartAsync();

        var overSocket = await daemon.Daemon.Client.GenerateAsync(Prompt, Greedy);
        var overBus = await daemon.Client.GenerateAsync(Prompt, Greedy);
        var waited = await daemon.Client.Transport.SubmitAsync(new TaskSubmitRequest("generate", new TaskInput(Prompt), Greedy), wait: true, CancellationToken.None);

        Assert.Equal(TaskStates.Completed, overBus.State);
        Assert.False(string.IsNullOrWhiteSpace(overSocket.Result!.Text));
        Assert.Equal(overSocket.Result.Text, overBus.Result!.Text);
        Assert.Equal(overSocket.Result.Tokens, overBus.Result.Tokens);
        Assert.Equal(overSocket.Result.Text, waited.Result!.Text);
    }

    [Fact]
    public async Task Streamed_deltas_add_up_to_the_final_text()
    {
        await using var daemon = await BusDaemon.StartAsync();
        var options = Greedy with { MaxTokens = 120 };

        var events = new List<TaskStreamEvent>();
        await foreach (var taskEvent in daemon.Client.StreamAsync(Prompt, options))
        {
            events.Add(taskEvent);
        }

        Assert.Equal(TaskEventNames.Queued, events[0].Name);
        Assert.Equal(TaskEventNames.Started, events[1].Name);
        Assert.Equal(TaskEventNames.Completed, events[^1].Name);
        var deltas = events.Where(e => e.Name == TaskEventNames.Delta).ToList();
        Assert.NotEmpty(deltas);
        Assert.Equal(events.Count - 3, deltas.Count);
        string final = events[^1].Data.Task!.Result!.Text;
        Assert.Equal(final, string.Concat(deltas.Select(d => d.Data.Text)));
        Assert.Equal((await daemon.Daemon.Client.GenerateAsync(Prompt, options)).Result!.Text, final);
    }

    [Fact]
    public async Task Leaving_a_stream_early_cancels_its_task_within_a_second()
    {
        await using var daemon = await BusDaemon.StartAsync();

        string? id = null;
        await foreach (var taskEvent in daemon.Client.StreamAsync(Prompt, new TaskOptions(MaxTokens: LongGeneration.Tokens, Temperature: 0)))
        {
            id = taskEvent.Data.TaskId;
            if (taskEvent.Name == TaskEventNames.Delta)
            {
                break;
            }
        }

        var watch = Stopwatch.StartNew();
        var task = await daemon.Daemon.Client.GetTaskAsync(id!);
        while (task.State != TaskStates.Cancelled && watch.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(20);
            task = await daemon.Daemon.Client.GetTaskAsync(id!);
        }

        Assert.Equal(TaskStates.Cancelled, task.State);
    }

    [Fact]
    public async Task Refusals_come_back_with_their_codes()
    {
        await using var daemon = await BusDaemon.StartAsync();

        var tooFew = await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.GenerateAsync(Prompt, new TaskOptions(MaxTokens: 0)));
        Assert.Equal(ErrorCodes.InvalidInput, tooFew.Code);
        Assert.Contains("max_tokens", tooFew.Message);

        var noModel = await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.GenerateAsync(Prompt, new TaskOptions(Model: "no-such-model")));
        Assert.Equal(ErrorCodes.ModelNotFound, noModel.Code);

        var noTask = await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.GetTaskAsync("0123456789abcdef"));
        Assert.Equal(ErrorCodes.NotFound, noTask.Code);

        var metrics = await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.GetMetricsAsync());
        Assert.Equal(ErrorCodes.Unsupported, metrics.Code);

        // Still up and serving after all that.
        Assert.Equal(TaskStates.Completed, (await daemon.Client.GenerateAsync(Prompt, new TaskOptions(MaxTokens: 4))).State);
    }

    [Fact]
    public async Task Status_models_tasks_and_cancel_work_over_the_bus()
    {
        await using var daemon = await BusDaemon.StartAsync();

        var status = await daemon.Client.StatusAsync();
        Assert.Equal((await daemon.Daemon.Client.StatusAsync()).Version, status.Version);
        Assert.Equal("user", status.Mode);
        Assert.Equal("ok", (await daemon.Client.HealthAsync()).Status);
        Assert.Contains((await daemon.Client.ListModelsAsync()).Data, m => m.Id == "stories260K");
        var capabilities = await ((DBusTransport)daemon.Client.Transport).GetCapabilitiesAsync(CancellationToken.None);
        Assert.Equal(await daemon.Daemon.Http.GetFromJsonAsync("v1/capabilities", IpcJsonContext.Default.CapabilitiesResponse), capabilities, new CapabilitiesComparer());

        var running = await daemon.Client.SubmitGenerateAsync(Prompt, new TaskOptions(MaxTokens: LongGeneration.Tokens, Temperature: 0));
        Assert.Contains(await daemon.Client.ListTasksAsync(), t => t.Id == running.Id);
        // The submit only queues the task; the model is listed once its worker has begun to load it.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await daemon.Client.PsAsync()).Models.Any(m => m.Name == "stories260K") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Contains((await daemon.Client.PsAsync()).Models, m => m.Name == "stories260K");
        var cancelled = await daemon.Client.CancelAsync(running.Id);
        Assert.Equal(TaskStates.Cancelled, cancelled.State);

        // Submitted without waiting, then followed to its end (Task1.Watch and the signals).
        var queued = await daemon.Client.SubmitGenerateAsync(Prompt, Greedy);
        var done = await daemon.Client.WaitAsync(queued.Id);
        Assert.Equal(TaskStates.Completed, done.State);
        Assert.Equal((await daemon.Daemon.Client.GetTaskAsync(queued.Id)).Result!.Text, done.Result!.Text);
    }

    [Fact]
    public async Task Another_connection_of_the_same_user_follows_a_task_with_Watch()
    {
        await using var daemon = await BusDaemon.StartAsync();
        var submitted = await daemon.Client.SubmitGenerateAsync(Prompt, new TaskOptions(MaxTokens: 600, Temperature: 0));
        using var other = LlmosClient.ForBus(daemon.Address);

        var events = new List<TaskStreamEvent>();
        await foreach (var taskEvent in other.Transport.FollowTaskAsync(submitted.Id, CancellationToken.None))
        {
            events.Add(taskEvent);
        }

        Assert.Equal(TaskEventNames.Completed, events[^1].Name);
        string final = events[^1].Data.Task!.Result!.Text;
        var deltas = events.Where(e => e.Name == TaskEventNames.Delta).Select(e => e.Data.Text).ToList();
        Assert.NotEmpty(deltas); // it was followed while it ran, not read once done
        Assert.EndsWith(string.Concat(deltas), final, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_daemon_on_the_bus_is_unreachable()
    {
        await using var bus = await PrivateBus.StartAsync();
        using var client = LlmosClient.ForBus(bus.Address);

        var e = await Assert.ThrowsAsync<LlmosUnreachableException>(() => client.StatusAsync());
        Assert.Contains("llmosd", e.Message);
    }
}

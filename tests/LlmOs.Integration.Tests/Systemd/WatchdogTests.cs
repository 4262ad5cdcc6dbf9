using System.Net.Sockets;
using System.Text;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Systemd;

/// <summary>
/// The watchdog follows the scheduler: a daemon whose model is busy generating (its steps returning) keeps feeding it.
/// (LifecycleTests checks READY=1 and the first WATCHDOG=1 of an idle daemon; a stuck step is the engine's
/// SchedulerLivenessTests, which can hold a step where a real model cannot.)
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class WatchdogTests
{
    [Fact]
    public async Task The_watchdog_is_fed_while_a_generation_keeps_the_scheduler_busy()
    {
        using var dir = new TempDir();
        using var notify = new NotifySocket(dir.File("notify"));
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            Directory = dir.Path,
            Environment = new Dictionary<string, string>
            {
                ["NOTIFY_SOCKET"] = notify.Path,
                ["WATCHDOG_USEC"] = "2000000",
            },
        });
        Assert.Contains("READY=1", await notify.ReceiveAsync());

        var task = await daemon.Client.SubmitGenerateAsync("Once upon a time", new TaskOptions(MaxTokens: LongGeneration.Tokens, Temperature: 0));
        while ((await daemon.Client.GetTaskAsync(task.Id)).State != TaskStates.Running)
        {
            await Task.Delay(10);
        }

        await notify.ReceiveWaitingAsync(); // what came before the generation ran

        var messages = new List<string>();
        while (messages.Count(m => m.Contains("WATCHDOG=1")) < 2)
        {
            messages.Add(await notify.ReceiveAsync());
        }

        var still = await daemon.Client.GetTaskAsync(task.Id);
        await daemon.Client.CancelAsync(task.Id);

        Assert.Equal(TaskStates.Running, still.State); // both pings came while the model generated
        Assert.DoesNotContain(messages, m => m.Contains("STATUS=stuck"));
        Assert.DoesNotContain("[2704]", daemon.Log);
    }

}

using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Speech;

/// <summary>Watching a daemon's task list (<c>GET /v1/tasks</c>) for the speech tasks a test started.</summary>
internal static class SpeechTasks
{
    /// <summary>Waits until a task of <paramref name="kind"/> is in <paramref name="state"/>; fails with the list after 30 s.</summary>
    public static async Task<TaskDto> WaitForAsync(DaemonProcess daemon, string kind, string state, Func<TaskDto, bool>? also = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        IReadOnlyList<TaskDto> tasks = [];
        while (DateTime.UtcNow < deadline)
        {
            tasks = await daemon.Client.ListTasksAsync();
            if (tasks.FirstOrDefault(t => t.Kind == kind && t.State == state && (also?.Invoke(t) ?? true)) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no {kind} task became {state}; tasks: {string.Join(", ", tasks.Select(t => $"{t.Kind} {t.State}"))}\n{daemon.Log}");
    }

    /// <summary>Waits until task <paramref name="id"/> has finished, and returns it.</summary>
    public static async Task<TaskDto> WaitForEndAsync(DaemonProcess daemon, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var task = await daemon.Client.GetTaskAsync(id);
            if (task.State is TaskStates.Completed or TaskStates.Failed or TaskStates.Cancelled)
            {
                return task;
            }

            Assert.True(DateTime.UtcNow < deadline, $"task {id} is still {task.State}\n{daemon.Log}");
            await Task.Delay(20);
        }
    }

    /// <summary>Fails when any task is still queued or running.</summary>
    public static async Task AssertNoneRunningAsync(DaemonProcess daemon)
    {
        var busy = (await daemon.Client.ListTasksAsync()).Where(t => t.State is TaskStates.Running or TaskStates.Queued).ToList();
        Assert.True(busy.Count == 0, "still busy: " + string.Join(", ", busy.Select(t => $"{t.Kind} {t.Id} {t.State}")));
    }
}

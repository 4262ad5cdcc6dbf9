using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;
using Microsoft.AspNetCore.Http;

namespace LlmOs.Daemon.Http;

/// <summary>
/// Writes a task's events as Server-Sent Events: replays the log from a point, then follows it.
/// Everything already in the log goes out in one write and one flush, so a fast model costs
/// few syscalls; a delta is written straight into the response's pipe without an object per event.
/// </summary>
internal static class TaskEventStream
{
    private static readonly byte[] IdPrefix = "id: "u8.ToArray();
    private static readonly byte[] DataPrefix = "\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    // "\nevent: <name>" for each kind, encoded once.
    private static readonly byte[][] EventLines = [.. Enum.GetValues<TaskEventKind>().Select(k => Encoding.ASCII.GetBytes("\nevent: " + Name(k)))];

    public static void Start(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
    }

    /// <summary>
    /// Writes events from index <paramref name="from"/> until the task's final event, or until the client
    /// goes away (the response pipe completes, a write fails, or <paramref name="cancellationToken"/> fires).
    /// </summary>
    public static async Task WriteAsync(HttpResponse response, TaskRecord task, int from, CancellationToken cancellationToken)
    {
        var pipe = response.BodyWriter;
        var batch = new List<TaskEvent>();
        using var json = new Utf8JsonWriter(pipe);
        int next = from;
        while (await task.Events.WaitForMoreAsync(next, cancellationToken).ConfigureAwait(false))
        {
            batch.Clear();
            task.Events.CopyFrom(next, batch);
            foreach (var taskEvent in batch)
            {
                WriteEvent(pipe, json, task, next++, taskEvent);
            }

            var flushed = await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                return;
            }
        }
    }

    private static void WriteEvent(System.IO.Pipelines.PipeWriter pipe, Utf8JsonWriter json, TaskRecord task, int index, TaskEvent taskEvent)
    {
        pipe.Write(IdPrefix);
        var digits = pipe.GetSpan(11);
        Utf8Formatter.TryFormat(index, digits, out int written);
        pipe.Advance(written);
        pipe.Write(EventLines[(int)taskEvent.Kind]);
        pipe.Write(DataPrefix);
        json.Reset(pipe);
        if (taskEvent.Kind == TaskEventKind.Delta)
        {
            json.WriteStartObject();
            json.WriteString("task_id"u8, task.Id);
            json.WriteString("text"u8, taskEvent.Text);
            json.WriteEndObject();
        }
        else
        {
            var dto = taskEvent.Kind == TaskEventKind.Queued ? null : DtoMapper.ToDto(task);
            JsonSerializer.Serialize(json, new TaskEventData(task.Id, Task: dto), IpcJsonContext.Default.TaskEventData);
        }

        json.Flush();
        pipe.Write(EventEnd);
    }

    public static string Name(TaskEventKind kind) => kind switch
    {
        TaskEventKind.Queued => TaskEventNames.Queued,
        TaskEventKind.Started => TaskEventNames.Started,
        TaskEventKind.Delta => TaskEventNames.Delta,
        TaskEventKind.Completed => TaskEventNames.Completed,
        TaskEventKind.Failed => TaskEventNames.Failed,
        _ => TaskEventNames.Cancelled,
    };
}

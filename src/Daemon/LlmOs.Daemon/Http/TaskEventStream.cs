using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;
using Microsoft.AspNetCore.Http;

namespace LlmOs.Daemon.Http;

/// <summary>
/// Writes a task's events as Server-Sent Events: replays the log from a point, then follows it.
/// Everything already in the log goes out in one write and one flush, and consecutive deltas go out
/// as one <c>delta</c> event (its id is the last one's, so <c>Last-Event-ID</c> still resumes exactly).
/// While the task runs, the writer pauses <see cref="CoalesceWindow"/> after each flush so that a fast
/// model's tokens travel a few at a time: a flush, a wake-up and a client parse per token cost more CPU
/// than the token itself with small models (bench/). The first text still goes out at once.
/// </summary>
internal static class TaskEventStream
{
    private static readonly byte[] IdPrefix = "id: "u8.ToArray();
    private static readonly byte[] DataPrefix = "\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    private static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(2);

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
            for (int i = 0; i < batch.Count; i++)
            {
                int run = DeltaRun(batch, i);
                var taskEvent = run > 1 ? new TaskEvent(TaskEventKind.Delta, Concat(batch, i, run)) : batch[i];
                i += run > 1 ? run - 1 : 0;
                next += run > 1 ? run : 1;
                WriteEvent(pipe, json, task, next - 1, taskEvent);
            }

            var flushed = await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                return;
            }

            if (!task.IsFinished && batch[^1].Kind == TaskEventKind.Delta)
            {
                await Task.Delay(CoalesceWindow, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>How many delta events follow one another from <paramref name="start"/> (0 when it is no delta).</summary>
    private static int DeltaRun(List<TaskEvent> batch, int start)
    {
        int end = start;
        while (end < batch.Count && batch[end].Kind == TaskEventKind.Delta)
        {
            end++;
        }

        return end - start;
    }

    /// <summary>The texts of <paramref name="count"/> deltas as one string: one allocation per flush, not one per token.</summary>
    private static string Concat(List<TaskEvent> batch, int start, int count)
    {
        int length = 0;
        for (int i = start; i < start + count; i++)
        {
            length += batch[i].Text!.Length;
        }

        return string.Create(length, (batch, start, count), static (span, state) =>
        {
            for (int i = state.start; i < state.start + state.count; i++)
            {
                state.batch[i].Text.AsSpan().CopyTo(span);
                span = span[state.batch[i].Text!.Length..];
            }
        });
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
        if (taskEvent.Kind is TaskEventKind.Delta or TaskEventKind.Transcript or TaskEventKind.Intent)
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
        TaskEventKind.Transcript => TaskEventNames.Transcript,
        TaskEventKind.Intent => TaskEventNames.Intent,
        TaskEventKind.Completed => TaskEventNames.Completed,
        TaskEventKind.Failed => TaskEventNames.Failed,
        _ => TaskEventNames.Cancelled,
    };
}

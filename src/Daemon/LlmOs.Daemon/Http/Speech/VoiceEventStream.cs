using System.Text;
using System.Text.Json;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc;
using LlmOs.Ipc.Errors;
using LlmOs.Ipc.Tasks;
using Microsoft.AspNetCore.Http;

namespace LlmOs.Daemon.Http.Speech;

/// <summary>
/// <c>POST /v1/voice?stream=true</c> as Server-Sent Events: <c>transcript</c> (the words heard so far, as the recogniser
/// hears them), <c>intent</c> (the intent recognised, before its handler runs), then exactly one <c>result</c> (the
/// <see cref="Ipc.Speech.VoiceResultDto"/>) or <c>error</c> (<c>{"error":{"code","message"}}</c>).
/// </summary>
internal static class VoiceEventStream
{
    public const string Result = "result";
    public const string Error = "error";

    public static void Start(HttpResponse response) => TaskEventStream.Start(response);

    /// <summary>Follows the task to its end, writing its progress as it comes.</summary>
    public static async Task WriteAsync(HttpResponse response, TaskRecord task, CancellationToken cancellationToken)
    {
        var batch = new List<TaskEvent>();
        int next = 0;
        int id = 0;
        while (await task.Events.WaitForMoreAsync(next, cancellationToken).ConfigureAwait(false))
        {
            batch.Clear();
            task.Events.CopyFrom(next, batch);
            next += batch.Count;
            var text = new StringBuilder();
            foreach (var taskEvent in batch)
            {
                if (taskEvent.Kind is TaskEventKind.Transcript or TaskEventKind.Intent)
                {
                    string name = taskEvent.Kind == TaskEventKind.Transcript ? TaskEventNames.Transcript : TaskEventNames.Intent;
                    Append(text, id++, name, JsonSerializer.Serialize(new TaskEventData(task.Id, taskEvent.Text), IpcJsonContext.Default.TaskEventData));
                }
            }

            if (task.IsFinished && task.Events.Count == next)
            {
                Append(text, id, Final(task, out string data), data);
            }

            if (text.Length > 0)
            {
                await response.WriteAsync(text.ToString(), cancellationToken).ConfigureAwait(false);
                await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            if (task.IsFinished && task.Events.Count == next)
            {
                return;
            }
        }
    }

    /// <summary>The last event: the answer, or the error the task ended with.</summary>
    private static string Final(TaskRecord task, out string data)
    {
        if (task.State == TaskState.Completed && task.VoiceAnswer is { } answer)
        {
            data = JsonSerializer.Serialize(SpeechMapper.ToDto(answer), IpcJsonContext.Default.VoiceResultDto);
            return Result;
        }

        var error = task.Error ?? new TaskError(ErrorKind.Internal, "the voice task ended without an answer");
        data = JsonSerializer.Serialize(new ErrorResponse(new ErrorBody(ErrorCodeMap.Code(error.Kind), error.Message)), IpcJsonContext.Default.ErrorResponse);
        return Error;
    }

    private static void Append(StringBuilder text, int id, string name, string data) =>
        text.Append("id: ").Append(id).Append("\nevent: ").Append(name).Append("\ndata: ").Append(data).Append("\n\n");
}

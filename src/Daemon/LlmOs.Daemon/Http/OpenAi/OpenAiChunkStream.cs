using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc.OpenAi;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary>
/// Writes a task as OpenAI's stream: <c>data: {chunk}</c> events, then <c>data: [DONE]</c>. Text is the hot path: the part
/// of a text chunk that never changes is encoded once per stream, each chunk is that prefix, the escaped text and a fixed
/// suffix written straight into the response pipe, and every delta already waiting when the writer wakes goes into one chunk
/// and one flush, so a writer that lags behind a fast model catches up instead of paying per token.
/// </summary>
internal sealed class OpenAiChunkStream
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();
    private static readonly byte[] ChatTextStart = "\"choices\":[{\"index\":0,\"delta\":{\"content\":"u8.ToArray();
    private static readonly byte[] ChatTextEnd = "},\"finish_reason\":null}]}"u8.ToArray();
    private static readonly byte[] CompletionTextStart = "\"choices\":[{\"text\":"u8.ToArray();
    private static readonly byte[] CompletionTextEnd = ",\"index\":0,\"finish_reason\":null}]}"u8.ToArray();

    private readonly OpenAiAnswer _answer;
    private readonly bool _includeUsage;
    private readonly byte[] _textStart;
    private readonly byte[] _textEnd;

    public OpenAiChunkStream(OpenAiAnswer answer, bool includeUsage)
    {
        _answer = answer;
        _includeUsage = includeUsage;
        bool chat = answer.Flavor == OpenAiFlavor.Chat;
        _textStart = TextStart(answer, chat ? ChatCompletionChunk.ObjectName : CompletionResponse.ObjectName, chat ? ChatTextStart : CompletionTextStart);
        _textEnd = chat ? ChatTextEnd : CompletionTextEnd;
    }

    /// <summary>
    /// Streams <paramref name="task"/> from its start to its end, or until the client goes away (the pipe completes, a write
    /// fails, or <paramref name="cancellationToken"/> fires). A task that fails or is cancelled ends the stream with an
    /// <c>{"error":…}</c> event in OpenAI's shape and no <c>[DONE]</c>.
    /// </summary>
    public async Task WriteAsync(PipeWriter pipe, TaskRecord task, CancellationToken cancellationToken)
    {
        using var json = new Utf8JsonWriter(pipe);
        if (_answer.Flavor == OpenAiFlavor.Chat)
        {
            // OpenAI's first chunk names the role, before any text.
            WriteChunk(pipe, json, new ChatCompletionChunk(_answer.Id, _answer.Created, _answer.Model, [new ChatChunkChoice(0, new ChatDelta("assistant", ""))]));
            if (await FlushAsync(pipe, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        var batch = new List<TaskEvent>();
        int next = 0;
        while (await task.Events.WaitForMoreAsync(next, cancellationToken).ConfigureAwait(false))
        {
            batch.Clear();
            task.Events.CopyFrom(next, batch);
            next += batch.Count;
            bool ended = false;
            for (int i = 0; i < batch.Count; i++)
            {
                if (batch[i].Kind == TaskEventKind.Delta)
                {
                    int last = i;
                    while (last + 1 < batch.Count && batch[last + 1].Kind == TaskEventKind.Delta)
                    {
                        last++;
                    }

                    WriteText(pipe, json, batch, i, last);
                    i = last;
                }
                else if (batch[i].IsFinal)
                {
                    WriteEnd(pipe, json, task);
                    ended = true;
                }
            }

            if (await FlushAsync(pipe, cancellationToken).ConfigureAwait(false) || ended)
            {
                return;
            }
        }
    }

    /// <summary>One chunk holding the texts of deltas <paramref name="first"/> to <paramref name="last"/>, as one JSON string.</summary>
    private void WriteText(PipeWriter pipe, Utf8JsonWriter json, List<TaskEvent> batch, int first, int last)
    {
        pipe.Write(DataPrefix);
        pipe.Write(_textStart);
        json.Reset(pipe);
        for (int i = first; i <= last; i++)
        {
            json.WriteStringValueSegment(batch[i].Text, isFinalSegment: i == last);
        }

        json.Flush();
        pipe.Write(_textEnd);
        pipe.Write(EventEnd);
    }

    private void WriteEnd(PipeWriter pipe, Utf8JsonWriter json, TaskRecord task)
    {
        if (task.State != TaskState.Completed || task.Result is not { } result)
        {
            var error = task.Error ?? new TaskError(ErrorKind.Internal, "the task ended without a result");
            WriteData(pipe, json, OpenAiErrors.Body(error.Kind, error.Message), OpenAiJsonContext.Default.OpenAiErrorResponse);
            return;
        }

        string reason = OpenAiAnswer.FinishReason(result.FinishReason);
        if (_answer.Flavor == OpenAiFlavor.Chat)
        {
            WriteChunk(pipe, json, new ChatCompletionChunk(_answer.Id, _answer.Created, _answer.Model, [new ChatChunkChoice(0, new ChatDelta(), reason)]));
            if (_includeUsage)
            {
                WriteChunk(pipe, json, new ChatCompletionChunk(_answer.Id, _answer.Created, _answer.Model, [], OpenAiAnswer.Usage(result)));
            }
        }
        else
        {
            WriteData(pipe, json, new CompletionResponse(_answer.Id, _answer.Created, _answer.Model, [new CompletionChoice("", 0, reason)]), OpenAiJsonContext.Default.CompletionResponse);
            if (_includeUsage)
            {
                WriteData(pipe, json, new CompletionResponse(_answer.Id, _answer.Created, _answer.Model, [], OpenAiAnswer.Usage(result)), OpenAiJsonContext.Default.CompletionResponse);
            }
        }

        pipe.Write(Done);
    }

    private static void WriteChunk(PipeWriter pipe, Utf8JsonWriter json, ChatCompletionChunk chunk) =>
        WriteData(pipe, json, chunk, OpenAiJsonContext.Default.ChatCompletionChunk);

    private static void WriteData<T>(PipeWriter pipe, Utf8JsonWriter json, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        pipe.Write(DataPrefix);
        json.Reset(pipe);
        JsonSerializer.Serialize(json, value, type);
        json.Flush();
        pipe.Write(EventEnd);
    }

    /// <summary>Flushes; true when the client has gone (the caller stops).</summary>
    private static async ValueTask<bool> FlushAsync(PipeWriter pipe, CancellationToken cancellationToken)
    {
        var flushed = await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
        return flushed.IsCompleted || flushed.IsCanceled;
    }

    /// <summary><c>{"id":…,"object":…,"created":…,"model":…,</c> and the start of the choice, up to where the text goes.</summary>
    private static byte[] TextStart(OpenAiAnswer answer, string objectName, byte[] choiceStart)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id"u8, answer.Id);
            json.WriteString("object"u8, objectName);
            json.WriteNumber("created"u8, answer.Created);
            json.WriteString("model"u8, answer.Model);
            json.Flush();
        }

        // The writer has written the object's members; the next member needs a comma.
        return [.. buffer.WrittenSpan, (byte)',', .. choiceStart];
    }
}

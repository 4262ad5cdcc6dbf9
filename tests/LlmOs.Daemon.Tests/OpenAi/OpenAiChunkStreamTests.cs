using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using LlmOs.Daemon.Http.OpenAi;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc.OpenAi;

namespace LlmOs.Daemon.Tests.OpenAi;

/// <summary>The OpenAI stream writer on real task records: the exact event sequence, coalescing, escaping, errors.</summary>
public sealed class OpenAiChunkStreamTests
{
    private static TaskRecord RunningTask()
    {
        var task = new TaskRecord("0123456789abcdef", 1000, "stories", "Once", new GenerationOptions(), TimeProvider.System);
        Assert.True(task.TryStart());
        return task;
    }

    private static async Task<List<string>> WriteAsync(OpenAiFlavor flavor, TaskRecord task, bool includeUsage = false, Func<Task>? whileWriting = null)
    {
        var pipe = new Pipe();
        var writing = new OpenAiChunkStream(new OpenAiAnswer(flavor, task), includeUsage).WriteAsync(pipe.Writer, task, CancellationToken.None);
        if (whileWriting is not null)
        {
            await whileWriting();
        }

        await writing.WaitAsync(TimeSpan.FromSeconds(10));
        await pipe.Writer.CompleteAsync();
        string body = Encoding.UTF8.GetString((await pipe.Reader.ReadAsync()).Buffer);

        // Every event is exactly "data: <payload>\n\n".
        Assert.EndsWith("\n\n", body, StringComparison.Ordinal);
        var events = body[..^2].Split("\n\n");
        Assert.All(events, e => Assert.StartsWith("data: ", e, StringComparison.Ordinal));
        return [.. events.Select(e => e["data: ".Length..])];
    }

    private static ChatCompletionChunk Chunk(string payload) => JsonSerializer.Deserialize(payload, OpenAiJsonContext.Default.ChatCompletionChunk)!;

    [Fact]
    public async Task A_chat_stream_is_role_text_finish_and_done_and_waiting_deltas_share_one_chunk()
    {
        var task = RunningTask();
        task.AppendText("Once");
        task.AppendText(" upon");
        task.AppendText(" a \"time\"\n");
        task.Complete(3, FinishReason.Length);

        var events = await WriteAsync(OpenAiFlavor.Chat, task);

        Assert.Equal(4, events.Count);
        Assert.Equal("[DONE]", events[3]);
        var chunks = events.Take(3).Select(Chunk).ToList();
        Assert.All(chunks, c =>
        {
            Assert.Equal("chatcmpl-0123456789abcdef", c.Id);
            Assert.Equal(ChatCompletionChunk.ObjectName, c.ObjectType);
            Assert.Equal("stories", c.Model);
            Assert.Equal(task.CreatedAt.ToUnixTimeSeconds(), c.Created);
        });
        Assert.Equal(new ChatDelta("assistant", ""), chunks[0].Choices[0].Delta);
        Assert.Equal("Once upon a \"time\"\n", chunks[1].Choices[0].Delta.Content);
        Assert.Null(chunks[1].Choices[0].FinishReason);
        Assert.Contains("\"finish_reason\":null", events[1], StringComparison.Ordinal);
        Assert.Equal(FinishReasons.Length, chunks[2].Choices[0].FinishReason);
        Assert.Equal(new ChatDelta(), chunks[2].Choices[0].Delta);
        Assert.Null(chunks[2].Usage);
    }

    [Fact]
    public async Task With_include_usage_a_last_chunk_carries_the_usage_and_no_choices()
    {
        var task = RunningTask();
        task.AppendText("Hi");
        task.Complete(1, FinishReason.Stop);

        var events = await WriteAsync(OpenAiFlavor.Chat, task, includeUsage: true);

        Assert.Equal(5, events.Count);
        var usage = Chunk(events[3]);
        Assert.Empty(usage.Choices);
        Assert.Equal(new Usage(0, 1, 1), usage.Usage);
        Assert.Equal(FinishReasons.Stop, Chunk(events[2]).Choices[0].FinishReason);
        Assert.Equal("[DONE]", events[4]);
    }

    [Fact]
    public async Task Deltas_that_arrive_while_streaming_are_all_written()
    {
        var task = RunningTask();
        var events = await WriteAsync(OpenAiFlavor.Chat, task, whileWriting: async () =>
        {
            foreach (string piece in (string[])["Once", " upon", "😀", " end"])
            {
                await Task.Delay(20);
                task.AppendText(piece);
            }

            task.Complete(5, FinishReason.Stop);
        });

        string text = string.Concat(events.Where(e => e != "[DONE]").Select(e => Chunk(e).Choices.SingleOrDefault()?.Delta.Content));
        Assert.Equal("Once upon😀 end", text);
        Assert.Equal("[DONE]", events[^1]);
    }

    [Fact]
    public async Task A_surrogate_pair_split_across_waiting_deltas_survives_coalescing()
    {
        var task = RunningTask();
        task.AppendText("\uD83D");
        task.AppendText("\uDE00!");
        task.Complete(2, FinishReason.Stop);

        var events = await WriteAsync(OpenAiFlavor.Chat, task);

        Assert.Equal("😀!", Chunk(events[1]).Choices[0].Delta.Content);
    }

    [Fact]
    public async Task A_completion_stream_has_text_chunks_then_the_finish_reason()
    {
        var task = RunningTask();
        task.AppendText(", there was");
        task.Complete(2, FinishReason.Stop);

        var events = await WriteAsync(OpenAiFlavor.Completion, task, includeUsage: true);

        var chunks = events.SkipLast(1).Select(e => JsonSerializer.Deserialize(e, OpenAiJsonContext.Default.CompletionResponse)!).ToList();
        Assert.Equal(3, chunks.Count);
        Assert.All(chunks, c => Assert.Equal("cmpl-0123456789abcdef", c.Id));
        Assert.All(chunks, c => Assert.Equal(CompletionResponse.ObjectName, c.ObjectType));
        Assert.Equal(new CompletionChoice(", there was", 0, null), chunks[0].Choices[0]);
        Assert.Equal(new CompletionChoice("", 0, FinishReasons.Stop), chunks[1].Choices[0]);
        Assert.Equal(new Usage(0, 2, 2), chunks[2].Usage);
        Assert.Equal("[DONE]", events[^1]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failed_or_cancelled_task_ends_with_an_openai_error_event_and_no_done(bool cancelled)
    {
        var task = RunningTask();
        task.AppendText("Once");
        if (cancelled)
        {
            task.MarkCancelled();
        }
        else
        {
            task.Fail(ErrorKind.ModelInvalid, "the model file is truncated");
        }

        var events = await WriteAsync(OpenAiFlavor.Chat, task);

        Assert.Equal(3, events.Count);
        var error = JsonSerializer.Deserialize(events[2], OpenAiJsonContext.Default.OpenAiErrorResponse)!.Error;
        Assert.Equal(cancelled ? "cancelled" : "invalid_input", error.Code);
        Assert.Equal(cancelled ? OpenAiErrorTypes.Cancelled : OpenAiErrorTypes.InvalidRequest, error.Type);
        Assert.DoesNotContain("[DONE]", events);
    }
}

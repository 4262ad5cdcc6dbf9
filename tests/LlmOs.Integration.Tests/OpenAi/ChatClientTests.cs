using System.Text;
using LlmOs.Client;
using LlmOs.Client.AI;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;
using Microsoft.Extensions.AI;

namespace LlmOs.Integration.Tests.OpenAi;

/// <summary>Microsoft.Extensions.AI's IChatClient, as an app written against it uses it, on the real daemon.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ChatClientTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private static readonly ChatMessage[] Chat = [new(ChatRole.System, "You tell stories."), new(ChatRole.User, "Once upon a time")];
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task A_chat_client_set_up_in_one_line_answers()
    {
        using IChatClient chat = new LlmosChatClient(_daemon.Socket);

        var response = await chat.GetResponseAsync(Chat, new ChatOptions { Temperature = 0, MaxOutputTokens = 12 });

        Assert.False(string.IsNullOrWhiteSpace(response.Text));
        Assert.Equal(ChatRole.Assistant, Assert.Single(response.Messages).Role);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(12, response.Usage!.OutputTokenCount);
        Assert.Equal("stories260K", response.ModelId);
        Assert.StartsWith("chatcmpl-", response.ResponseId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_gives_the_same_greedy_text_with_finish_reason_and_usage()
    {
        IChatClient chat = _daemon.Client.AsChatClient("stories260K");
        var options = new ChatOptions { Temperature = 0, MaxOutputTokens = 40, Seed = 9 };
        var whole = await chat.GetResponseAsync(Chat, options);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync(Chat, options))
        {
            updates.Add(update);
        }

        var streamed = updates.ToChatResponse();
        Assert.Contains(updates, u => u.Text.Length > 0);
        Assert.Equal(whole.Text, streamed.Text);
        Assert.Equal(whole.FinishReason, streamed.FinishReason);
        Assert.Equal(whole.Usage!.OutputTokenCount, streamed.Usage!.OutputTokenCount);
        Assert.Equal(TaskStates.Completed, (await _daemon.Client.GetTaskAsync(OpenAiWire.TaskId(streamed.ResponseId!))).State);
    }

    [Fact]
    public async Task Cancelling_a_stream_closes_it_and_the_daemon_cancels_the_task()
    {
        IChatClient chat = _daemon.Client.AsChatClient();
        using var cts = new CancellationTokenSource();
        string? id = null;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in chat.GetStreamingResponseAsync(Chat, new ChatOptions { Temperature = 0, MaxOutputTokens = LongGeneration.Tokens }, cts.Token))
            {
                id = update.ResponseId;
                if (update.Text.Length > 0)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.NotNull(id);
        await WaitForStateAsync(OpenAiWire.TaskId(id), TaskStates.Cancelled);
    }

    [Fact]
    public async Task Leaving_a_stream_early_cancels_the_task()
    {
        IChatClient chat = _daemon.Client.AsChatClient();
        string? id = null;
        var text = new StringBuilder();

        await foreach (var update in chat.GetStreamingResponseAsync(Chat, new ChatOptions { Temperature = 0, MaxOutputTokens = LongGeneration.Tokens }))
        {
            id = update.ResponseId;
            text.Append(update.Text);
            if (text.Length > 0)
            {
                break;
            }
        }

        Assert.NotNull(id);
        await WaitForStateAsync(OpenAiWire.TaskId(id), TaskStates.Cancelled);
    }

    [Fact]
    public async Task A_refusal_throws_with_the_stable_code()
    {
        IChatClient chat = _daemon.Client.AsChatClient("no-such-model");

        var e = await Assert.ThrowsAsync<LlmosException>(() => chat.GetResponseAsync("Once upon a time"));

        Assert.Equal("model_not_found", e.Code);
        Assert.Equal("model", e.Field);
    }

    private async Task WaitForStateAsync(string id, string state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var task = await _daemon.Client.GetTaskAsync(id);
            if (task.State == state || DateTime.UtcNow > deadline)
            {
                Assert.Equal(state, task.State);
                return;
            }

            await Task.Delay(10);
        }
    }
}

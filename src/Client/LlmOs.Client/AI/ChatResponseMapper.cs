using LlmOs.Ipc.OpenAi;
using Microsoft.Extensions.AI;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace LlmOs.Client.AI;

/// <summary>OpenAI-shaped answers as Microsoft.Extensions.AI's responses and updates.</summary>
internal static class ChatResponseMapper
{
    public static ChatResponse ToResponse(ChatCompletionResponse response)
    {
        var choice = response.Choices.Count > 0 ? response.Choices[0] : null;
        var message = new ChatMessage(ChatRole.Assistant, choice?.Message.Content?.Text ?? "")
        {
            MessageId = response.Id,
            RawRepresentation = choice?.Message,
        };
        return new ChatResponse(message)
        {
            ResponseId = response.Id,
            ModelId = response.Model,
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(response.Created),
            FinishReason = FinishReason(choice?.FinishReason),
            Usage = Usage(response.Usage),
            RawRepresentation = response,
        };
    }

    /// <summary>The updates of one chunk: one per choice, and one holding the usage when the chunk carries it.</summary>
    public static IEnumerable<ChatResponseUpdate> ToUpdates(ChatCompletionChunk chunk)
    {
        foreach (var choice in chunk.Choices)
        {
            var update = new ChatResponseUpdate(ChatRole.Assistant, string.IsNullOrEmpty(choice.Delta.Content) ? null : choice.Delta.Content)
            {
                FinishReason = FinishReason(choice.FinishReason),
            };
            yield return Stamp(update, chunk);
        }

        if (Usage(chunk.Usage) is { } usage)
        {
            yield return Stamp(new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(usage)]), chunk);
        }
    }

    private static ChatResponseUpdate Stamp(ChatResponseUpdate update, ChatCompletionChunk chunk)
    {
        update.ResponseId = chunk.Id;
        update.MessageId = chunk.Id;
        update.ModelId = chunk.Model;
        update.CreatedAt = DateTimeOffset.FromUnixTimeSeconds(chunk.Created);
        update.RawRepresentation = chunk;
        return update;
    }

    public static ChatFinishReason? FinishReason(string? reason) => reason switch
    {
        null => null,
        FinishReasons.Stop => ChatFinishReason.Stop,
        FinishReasons.Length => ChatFinishReason.Length,
        _ => new ChatFinishReason(reason),
    };

    public static UsageDetails? Usage(Usage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.PromptTokens,
        OutputTokenCount = usage.CompletionTokens,
        TotalTokenCount = usage.TotalTokens,
    };
}

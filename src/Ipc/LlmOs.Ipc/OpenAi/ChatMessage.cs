using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>One message of a chat: <c>system</c>, <c>developer</c> (as system), <c>user</c> or <c>assistant</c>, and its content.</summary>
public sealed record ChatMessage
{
    public ChatMessage()
    {
    }

    public ChatMessage(string role, string content)
    {
        Role = role;
        Content = new ChatMessageContent(content);
    }

    public string? Role { get; init; }

    /// <summary>A string, or an array of <c>{"type":"text","text":…}</c> parts.</summary>
    [JsonConverter(typeof(ChatMessageContentConverter))]
    public ChatMessageContent? Content { get; init; }

    /// <summary>The participant's name; accepted and not used.</summary>
    public string? Name { get; init; }

    /// <summary>Read only to be refused: llmosd does not call tools.</summary>
    public JsonElement? ToolCalls { get; init; }
}

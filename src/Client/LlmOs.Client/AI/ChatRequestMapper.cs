using System.Globalization;
using System.Text.Json;
using LlmOs.Ipc.OpenAi;
using Microsoft.Extensions.AI;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;
using WireMessage = LlmOs.Ipc.OpenAi.ChatMessage;

namespace LlmOs.Client.AI;

/// <summary>
/// Microsoft.Extensions.AI's messages and options as a <c>/v1/chat/completions</c> request. What llmosd cannot do (tools,
/// images, top-k) throws <see cref="NotSupportedException"/> here rather than being dropped silently.
/// </summary>
internal static class ChatRequestMapper
{
    /// <summary><see cref="ChatOptions.AdditionalProperties"/> key for llmos's priority: "interactive" or "background".</summary>
    public const string PriorityKey = "priority";

    /// <summary><see cref="ChatOptions.AdditionalProperties"/> key for the model's keep-alive: a <see cref="TimeSpan"/>, seconds, or a string such as "5m".</summary>
    public const string KeepAliveKey = "keep_alive";

    public static ChatCompletionRequest ToRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, string? defaultModel, bool stream)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (options?.Tools is { Count: > 0 })
        {
            throw new NotSupportedException("llmosd does not call tools; leave ChatOptions.Tools empty");
        }

        if (options?.TopK is not null)
        {
            throw new NotSupportedException("llmosd has no top-k sampling; use TopP");
        }

        var wire = new List<WireMessage>();
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            wire.Add(new WireMessage("system", options.Instructions));
        }

        foreach (var message in messages)
        {
            wire.Add(new WireMessage(Role(message.Role), Text(message)));
        }

        return new ChatCompletionRequest
        {
            Model = options?.ModelId ?? defaultModel,
            Messages = wire,
            MaxTokens = options?.MaxOutputTokens,
            Temperature = options?.Temperature,
            TopP = options?.TopP,
            Seed = options?.Seed,
            Stop = options?.StopSequences is { Count: > 0 } stop ? [.. stop] : null,
            FrequencyPenalty = options?.FrequencyPenalty,
            PresencePenalty = options?.PresencePenalty,
            ResponseFormat = Format(options?.ResponseFormat),
            Stream = stream ? true : null,
            StreamOptions = stream ? new StreamOptions(IncludeUsage: true) : null,
            Priority = Extension(options, PriorityKey),
            KeepAlive = KeepAlive(options),
        };
    }

    private static string Role(ChatRole role) =>
        role == ChatRole.Tool ? throw new NotSupportedException("llmosd does not call tools, so there are no tool messages") : role.Value;

    private static string Text(ChatMessage message)
    {
        foreach (var content in message.Contents)
        {
            if (content is FunctionCallContent or FunctionResultContent or DataContent or UriContent or HostedFileContent)
            {
                throw new NotSupportedException($"llmosd reads text only; a message with {content.GetType().Name} cannot be sent");
            }
        }

        return message.Text;
    }

    private static ResponseFormat? Format(ChatResponseFormat? format) => format switch
    {
        null or ChatResponseFormatText => null,
        ChatResponseFormatJson { Schema: { } schema } json => new ResponseFormat(
            ResponseFormat.JsonSchemaType,
            new JsonSchemaFormat(json.SchemaName ?? "response", schema, json.SchemaDescription, Strict: true)),
        ChatResponseFormatJson => new ResponseFormat(ResponseFormat.JsonObjectType),
        _ => throw new NotSupportedException($"unknown response format {format.GetType().Name}"),
    };

    private static string? Extension(ChatOptions? options, string key) =>
        options?.AdditionalProperties?.TryGetValue(key, out var value) == true ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    /// <summary>The keep-alive as the daemon reads it: seconds as a number, or a duration string such as "5m".</summary>
    private static JsonElement? KeepAlive(ChatOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(KeepAliveKey, out var value) != true || value is null)
        {
            return null;
        }

        string json = value switch
        {
            JsonElement element => element.GetRawText(),
            TimeSpan span => (span < TimeSpan.Zero ? -1 : span.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            int or long or double or float or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            _ => JsonSerializer.Serialize(Convert.ToString(value, CultureInfo.InvariantCulture), OpenAiJsonContext.Default.String),
        };
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

using System.Text;
using System.Text.Json;
using LlmOs.Engine.Generation;
using LlmOs.Ipc.OpenAi;

namespace LlmOs.Daemon.Http.OpenAi;

internal sealed partial class OpenAiRequestValidator
{
    /// <summary>Checks a chat request; returns its turns (for the model's chat template) and what to generate.</summary>
    public (IReadOnlyList<ChatTurn> Turns, OpenAiGeneration Generation) Validate(ChatCompletionRequest request)
    {
        RefuseUnsupported(request.N, request.FrequencyPenalty, request.PresencePenalty, request.LogitBias);
        RefuseTools(request);
        if (request.Logprobs == true || request.TopLogprobs is > 0)
        {
            throw Unsupported(request.Logprobs == true ? "logprobs" : "top_logprobs", "llmosd does not return log probabilities");
        }

        if (request.Modalities is { } modalities && modalities.Any(m => m != "text"))
        {
            throw Unsupported("modalities", "llmosd answers in text only: 'modalities' may only hold \"text\"");
        }

        if (request.Audio is { ValueKind: not JsonValueKind.Null })
        {
            throw Unsupported("audio", "llmosd does not answer with audio");
        }

        var turns = Turns(request.Messages);
        CheckPromptLength(turns.Sum(t => t.Content.Length), "messages");
        var maxTokensField = request.MaxCompletionTokens is null ? "max_tokens" : "max_completion_tokens";
        var options = Sampling(request.MaxCompletionTokens ?? request.MaxTokens, maxTokensField, request.Temperature, request.TopP, request.Seed, request.Stop, Grammar(request.ResponseFormat));
        return (turns, Generation(request.Model, options, request.Priority, request.KeepAlive, request.Stream, request.StreamOptions));
    }

    private static List<ChatTurn> Turns(IReadOnlyList<ChatMessage>? messages)
    {
        if (messages is null || messages.Count == 0)
        {
            throw Invalid("messages", "'messages' must hold at least one message");
        }

        var turns = new List<ChatTurn>(messages.Count);
        for (int i = 0; i < messages.Count; i++)
        {
            var message = messages[i] ?? throw Invalid($"messages[{i}]", "a message must be an object");
            string role = message.Role switch
            {
                "system" or "developer" => "system",
                "user" => "user",
                "assistant" => "assistant",
                "tool" or "function" => throw Unsupported($"messages[{i}].role", "llmosd does not call tools, so there are no tool messages"),
                null => throw Invalid($"messages[{i}].role", "each message needs a 'role'"),
                _ => throw Invalid($"messages[{i}].role", $"unknown role '{message.Role}'; known: system, developer, user, assistant"),
            };

            if (message.ToolCalls is { ValueKind: JsonValueKind.Array } calls && calls.GetArrayLength() > 0)
            {
                throw Unsupported($"messages[{i}].tool_calls", "llmosd does not call tools");
            }

            turns.Add(new ChatTurn(role, Text(message.Content, role, i)));
        }

        return turns;
    }

    /// <summary>A message's text: its string, or its text parts joined by newlines (as llama-server does).</summary>
    private static string Text(ChatMessageContent? content, string role, int index)
    {
        if (content is null)
        {
            // An assistant message may have no content (OpenAI allows it); other roles must say something.
            return role == "assistant" ? "" : throw Invalid($"messages[{index}].content", "the message needs a 'content'");
        }

        if (content.Parts is not { } parts)
        {
            return content.Text ?? "";
        }

        var text = new StringBuilder();
        for (int j = 0; j < parts.Count; j++)
        {
            var part = parts[j];
            if (part.Type != "text")
            {
                throw part.Type is null
                    ? Invalid($"messages[{index}].content[{j}].type", "each content part needs a 'type'")
                    : Unsupported($"messages[{index}].content[{j}]", $"llmosd reads text only; a '{part.Type}' part cannot be used");
            }

            if (part.Text is null)
            {
                throw Invalid($"messages[{index}].content[{j}].text", "a text part needs its 'text'");
            }

            text.Append(j > 0 ? "\n" : "").Append(part.Text);
        }

        return text.ToString();
    }

    private static void RefuseTools(ChatCompletionRequest request)
    {
        if (IsNonEmptyArray(request.Tools) || IsNonEmptyArray(request.Functions))
        {
            throw Unsupported(IsNonEmptyArray(request.Tools) ? "tools" : "functions", "llmosd does not call tools or functions");
        }

        if (!IsNoneOrAuto(request.ToolChoice) || !IsNoneOrAuto(request.FunctionCall))
        {
            throw Unsupported(IsNoneOrAuto(request.ToolChoice) ? "function_call" : "tool_choice", "llmosd does not call tools: only \"none\" or \"auto\" can be asked");
        }
    }

    private static bool IsNonEmptyArray(JsonElement? value) => value is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() > 0;

    private static bool IsNoneOrAuto(JsonElement? value) =>
        value is null or { ValueKind: JsonValueKind.Null } || value.Value.ValueKind == JsonValueKind.String && value.Value.GetString() is "none" or "auto";
}

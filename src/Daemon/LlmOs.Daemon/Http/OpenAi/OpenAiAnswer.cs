using LlmOs.Engine.Generation;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc.OpenAi;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary>The fixed facts of one OpenAI answer (id, creation time, model) and the DTOs built from a task.</summary>
internal sealed class OpenAiAnswer(OpenAiFlavor flavor, TaskRecord task)
{
    public OpenAiFlavor Flavor { get; } = flavor;

    public string Id { get; } = (flavor == OpenAiFlavor.Chat ? "chatcmpl-" : "cmpl-") + task.Id;

    public long Created { get; } = task.CreatedAt.ToUnixTimeSeconds();

    public string Model { get; } = task.Model;

    public static string FinishReason(FinishReason reason) => reason == Engine.Generation.FinishReason.Length ? FinishReasons.Length : FinishReasons.Stop;

    /// <summary>
    /// The usage of a finished generation. The engine does not report how many tokens the prompt took, so
    /// <c>prompt_tokens</c> is 0 and <c>total_tokens</c> counts the completion only.
    /// </summary>
    public static Usage Usage(GenerationResult result) => new(0, result.Tokens, result.Tokens);

    public ChatCompletionResponse Chat(GenerationResult result) => new(
        Id,
        Created,
        Model,
        [new ChatChoice(0, new ChatMessage("assistant", result.Text), FinishReason(result.FinishReason))],
        Usage(result));

    public CompletionResponse Completion(GenerationResult result) => new(
        Id,
        Created,
        Model,
        [new CompletionChoice(result.Text, 0, FinishReason(result.FinishReason))],
        Usage(result));
}

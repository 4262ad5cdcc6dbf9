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

    /// <summary>The usage of a finished generation: the prompt's tokens (as the model's tokenizer counted them) and the completion's.</summary>
    public static Usage Usage(GenerationResult result) => new(result.PromptTokens, result.Tokens, result.PromptTokens + result.Tokens);

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

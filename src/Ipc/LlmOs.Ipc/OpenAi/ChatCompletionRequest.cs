using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// <c>POST /v1/chat/completions</c>, OpenAI's fields plus two llmos extensions (<c>priority</c>, <c>keep_alive</c>).
/// Fields that would change the answer and that llmosd cannot honour (<c>n</c> above 1, <c>tools</c>, <c>logprobs</c>,
/// penalties, <c>logit_bias</c>, audio) are read only so that they can be refused clearly; other unknown fields are ignored.
/// </summary>
public sealed record ChatCompletionRequest
{
    /// <summary>The model's name; left out, the daemon's default model.</summary>
    public string? Model { get; init; }

    public IReadOnlyList<ChatMessage>? Messages { get; init; }

    public int? MaxTokens { get; init; }

    /// <summary>OpenAI's newer name for <see cref="MaxTokens"/>; it wins when both are given.</summary>
    public int? MaxCompletionTokens { get; init; }

    public float? Temperature { get; init; }

    public float? TopP { get; init; }

    /// <summary>Any 32-bit unsigned value; -1 (llama-server's convention) means a random seed.</summary>
    public long? Seed { get; init; }

    /// <summary>A string or an array of strings.</summary>
    [JsonConverter(typeof(StopSequencesConverter))]
    public IReadOnlyList<string>? Stop { get; init; }

    public bool? Stream { get; init; }

    public StreamOptions? StreamOptions { get; init; }

    public ResponseFormat? ResponseFormat { get; init; }

    /// <summary>llmos extension: <c>interactive</c> (the default) or <c>background</c>.</summary>
    public string? Priority { get; init; }

    /// <summary>llmos extension, as Ollama's: seconds as a number, or a duration such as "5m"; 0 unloads after the request, negative keeps the model.</summary>
    public JsonElement? KeepAlive { get; init; }

    // Read only to be refused unless neutral.
    public int? N { get; init; }

    public float? FrequencyPenalty { get; init; }

    public float? PresencePenalty { get; init; }

    public JsonElement? LogitBias { get; init; }

    public bool? Logprobs { get; init; }

    public int? TopLogprobs { get; init; }

    public JsonElement? Tools { get; init; }

    public JsonElement? ToolChoice { get; init; }

    public JsonElement? Functions { get; init; }

    public JsonElement? FunctionCall { get; init; }

    public IReadOnlyList<string>? Modalities { get; init; }

    public JsonElement? Audio { get; init; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// <c>POST /v1/completions</c> (OpenAI's legacy text completion), plus the llmos extensions <c>priority</c> and <c>keep_alive</c>.
/// As for chat, the fields llmosd cannot honour (<c>echo</c>, <c>suffix</c>, <c>n</c>/<c>best_of</c> above 1, <c>logprobs</c>,
/// penalties, <c>logit_bias</c>) are read to be refused; other unknown fields are ignored.
/// </summary>
public sealed record CompletionRequest
{
    public string? Model { get; init; }

    /// <summary>A string, or an array holding one string.</summary>
    [JsonConverter(typeof(CompletionPromptConverter))]
    public CompletionPrompt? Prompt { get; init; }

    public int? MaxTokens { get; init; }

    public float? Temperature { get; init; }

    public float? TopP { get; init; }

    /// <summary>Any 32-bit unsigned value; -1 (llama-server's convention) means a random seed.</summary>
    public long? Seed { get; init; }

    [JsonConverter(typeof(StopSequencesConverter))]
    public IReadOnlyList<string>? Stop { get; init; }

    public bool? Stream { get; init; }

    public StreamOptions? StreamOptions { get; init; }

    /// <summary>llmos extension: <c>interactive</c> (the default) or <c>background</c>.</summary>
    public string? Priority { get; init; }

    /// <summary>llmos extension, as Ollama's: seconds as a number, or a duration such as "5m"; 0 unloads after the request, negative keeps the model.</summary>
    public JsonElement? KeepAlive { get; init; }

    // Read only to be refused unless neutral.
    public int? N { get; init; }

    public int? BestOf { get; init; }

    public bool? Echo { get; init; }

    public string? Suffix { get; init; }

    public int? Logprobs { get; init; }

    public float? FrequencyPenalty { get; init; }

    public float? PresencePenalty { get; init; }

    public JsonElement? LogitBias { get; init; }
}

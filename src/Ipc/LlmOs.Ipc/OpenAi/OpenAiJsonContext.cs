using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// Source-generated JSON for the OpenAI-compatible endpoints: OpenAI's snake_case names, nulls left out
/// (except where OpenAI writes an explicit null), no reflection at run time.
/// </summary>
/// <remarks>
/// Unlike the native API, these requests do not refuse unknown fields: OpenAI clients and the tools built on them send
/// extras (<c>user</c>, <c>store</c>, <c>metadata</c>, <c>parallel_tool_calls</c>, newer fields), and llama-server and
/// Ollama ignore what they do not know. The fields that would change the answer and that llmosd cannot honour are
/// declared on the request types so that the daemon can refuse them by name.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ChatCompletionRequest))]
[JsonSerializable(typeof(ChatCompletionResponse))]
[JsonSerializable(typeof(ChatCompletionChunk))]
[JsonSerializable(typeof(CompletionRequest))]
[JsonSerializable(typeof(CompletionResponse))]
[JsonSerializable(typeof(OpenAiErrorResponse))]
public sealed partial class OpenAiJsonContext : JsonSerializerContext;

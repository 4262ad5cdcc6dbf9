namespace LlmOs.Ipc.OpenAi;

/// <summary><c>stream_options</c>: with <c>include_usage</c>, a last chunk before <c>[DONE]</c> carries the usage and no choices.</summary>
public sealed record StreamOptions(bool? IncludeUsage = null);

using LlmOs.Engine.Generation;
using LlmOs.Engine.Scheduling;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary>What a validated OpenAI request asks of the engine besides its prompt, and how it wants the answer.</summary>
internal sealed record OpenAiGeneration(
    string? Model,
    GenerationOptions Options,
    TaskPriority Priority,
    TimeSpan? KeepAlive,
    bool Stream,
    bool IncludeUsage);

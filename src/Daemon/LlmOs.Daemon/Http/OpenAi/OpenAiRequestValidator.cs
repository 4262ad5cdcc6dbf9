using System.Text.Json;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Ipc.OpenAi;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary>
/// Checks OpenAI-shaped requests as strictly as the native <see cref="TaskRequestValidator"/> (same limits and ranges) and turns
/// them into engine values. Options that would change the answer and that llmosd cannot honour are refused by name
/// (<see cref="ErrorKind.Unsupported"/>) rather than silently ignored; harmless extras are ignored.
/// </summary>
internal sealed partial class OpenAiRequestValidator(DaemonSettings settings)
{
    /// <summary>The sampling options shared by chat and completion, each checked against the native endpoint's limits.</summary>
    private GenerationOptions Sampling(int? maxTokens, string maxTokensField, float? temperature, float? topP, long? seed, IReadOnlyList<string>? stop, string? grammar)
    {
        int tokens = maxTokens ?? settings.DefaultMaxTokens;
        if (tokens < 1 || tokens > settings.MaxTokensLimit)
        {
            throw Invalid(maxTokensField, $"'{maxTokensField}' must be between 1 and {settings.MaxTokensLimit}");
        }

        float t = temperature ?? 0.8f;
        if (!(t >= 0 && t <= 2))
        {
            throw Invalid("temperature", "'temperature' must be between 0 and 2");
        }

        float p = topP ?? 0.95f;
        if (!(p > 0 && p <= 1))
        {
            throw Invalid("top_p", "'top_p' must be greater than 0 and at most 1");
        }

        var stops = stop ?? [];
        if (stops.Count > TaskRequestValidator.MaxStopSequences || stops.Any(s => string.IsNullOrEmpty(s) || s.Length > TaskRequestValidator.MaxStopLength))
        {
            throw Invalid("stop", $"'stop' holds at most {TaskRequestValidator.MaxStopSequences} non-empty strings of at most {TaskRequestValidator.MaxStopLength} characters");
        }

        return new GenerationOptions
        {
            MaxTokens = tokens,
            Temperature = t,
            TopP = p,
            Seed = Seed(seed),
            Stop = stops,
            Grammar = grammar,
        };
    }

    private static uint? Seed(long? seed) => seed switch
    {
        null or -1 => null,
        >= 0 and <= uint.MaxValue => (uint)seed.Value,
        _ => throw Invalid("seed", $"'seed' must be between 0 and {uint.MaxValue}, or -1 for a random seed"),
    };

    private static void CheckModel(string? model)
    {
        if (model is not null && (model.Length == 0 || model.Length > 256))
        {
            throw Invalid("model", "'model' must be a model name (or be left out for the default model)");
        }
    }

    /// <summary>Refuses options llmosd cannot honour when they are set to anything but their neutral value.</summary>
    private static void RefuseUnsupported(int? n, float? frequencyPenalty, float? presencePenalty, JsonElement? logitBias)
    {
        if (n is { } count && count != 1)
        {
            throw Unsupported("n", "llmosd gives one choice per request: 'n' must be 1 (send several requests instead)");
        }

        if (frequencyPenalty is { } frequency && frequency != 0)
        {
            throw Unsupported("frequency_penalty", "llmosd has no frequency penalty: leave 'frequency_penalty' out or 0");
        }

        if (presencePenalty is { } presence && presence != 0)
        {
            throw Unsupported("presence_penalty", "llmosd has no presence penalty: leave 'presence_penalty' out or 0");
        }

        if (logitBias is { ValueKind: not JsonValueKind.Null } bias && (bias.ValueKind != JsonValueKind.Object || bias.EnumerateObject().Any()))
        {
            throw Unsupported("logit_bias", "llmosd does not support 'logit_bias'");
        }
    }

    private static OpenAiGeneration Generation(string? model, GenerationOptions options, string? priority, JsonElement? keepAlive, bool? stream, StreamOptions? streamOptions)
    {
        CheckModel(model);
        return new OpenAiGeneration(model, options, TaskRequestValidator.Priority(priority, "priority"), KeepAliveValue.Parse(keepAlive, "keep_alive"), stream == true, streamOptions?.IncludeUsage == true);
    }

    private void CheckPromptLength(int length, string field)
    {
        if (length > settings.MaxPromptChars)
        {
            throw new EngineException(ErrorKind.TooLarge, $"the prompt has {length} characters; the limit is {settings.MaxPromptChars}", field);
        }
    }

    private static EngineException Invalid(string field, string message) => new(ErrorKind.InvalidInput, message, field);

    private static EngineException Unsupported(string field, string message) => new(ErrorKind.Unsupported, message, field);
}

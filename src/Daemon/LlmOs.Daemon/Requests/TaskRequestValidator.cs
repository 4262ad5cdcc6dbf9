using LlmOs.Daemon.Configuration;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Scheduling;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// Checks a decoded task request against the daemon's limits and turns it into engine values. Images are decoded by
/// <paramref name="images"/>; without it (tests of the other kinds) an image is refused as unsupported.
/// </summary>
internal sealed partial class TaskRequestValidator(DaemonSettings settings, ImageInput? images = null)
{
    internal const int MaxStopSequences = 4;
    internal const int MaxStopLength = 64;

    /// <summary>Checks a generate request and turns it into the engine's submission for <paramref name="ownerUid"/>.</summary>
    public TaskSubmission Validate(TaskSubmitRequest request, uint ownerUid)
    {
        if (request.Kind is null)
        {
            throw Invalid("kind", "'kind' is required (\"generate\", \"embed\", \"intent\", \"ask\", \"classify\", \"ocr\", \"transcribe\", \"voice\" or \"speak\")");
        }

        if (request.Kind != "generate")
        {
            throw Invalid("kind", $"unknown task kind '{request.Kind}'; known: generate, embed, intent, ask, classify, ocr, transcribe, voice, speak");
        }

        if (request.Input is { Image: not null })
        {
            throw Invalid("input.image", "'input.image' is for ask, classify and ocr tasks; a generate task takes 'input.prompt'");
        }

        if (request.Input is { Intent: not null } or { Slots: not null } or { Utterance: not null })
        {
            throw Invalid("input", "'input.intent', 'input.slots' and 'input.utterance' are for intent tasks; a generate task takes 'input.prompt'");
        }

        if (request.Input is { Texts: not null } or { Text: not null })
        {
            string field = request.Input.Texts is not null ? "input.texts" : "input.text";
            throw Invalid(field, $"'{field}' is for embed tasks; a generate task takes 'input.prompt'");
        }

        string prompt = request.Input?.Prompt ?? throw Invalid("input.prompt", "'input.prompt' is required");
        if (prompt.Length == 0)
        {
            throw Invalid("input.prompt", "'input.prompt' is empty");
        }

        if (prompt.Length > settings.MaxPromptChars)
        {
            throw new EngineException(ErrorKind.TooLarge, $"the prompt has {prompt.Length} characters; the limit is {settings.MaxPromptChars}", "input.prompt");
        }

        var options = request.Options ?? new TaskOptions();
        RefuseAskOptions(options);
        RefuseClassifyOptions(options);
        int maxTokens = options.MaxTokens ?? settings.DefaultMaxTokens;
        if (maxTokens < 1 || maxTokens > settings.MaxTokensLimit)
        {
            throw Invalid("options.max_tokens", $"'max_tokens' must be between 1 and {settings.MaxTokensLimit}");
        }

        float temperature = options.Temperature ?? 0.8f;
        if (!(temperature >= 0 && temperature <= 2))
        {
            throw Invalid("options.temperature", "'temperature' must be between 0 and 2");
        }

        float topP = options.TopP ?? 0.95f;
        if (!(topP > 0 && topP <= 1))
        {
            throw Invalid("options.top_p", "'top_p' must be greater than 0 and at most 1");
        }

        var stop = options.Stop ?? [];
        if (stop.Count > MaxStopSequences || stop.Any(s => string.IsNullOrEmpty(s) || s.Length > MaxStopLength))
        {
            throw Invalid("options.stop", $"'stop' holds at most {MaxStopSequences} non-empty strings of at most {MaxStopLength} characters");
        }

        if (options.Model is { } model && (model.Length == 0 || model.Length > 256))
        {
            throw Invalid("options.model", "'model' must be a model name");
        }

        var generation = new GenerationOptions
        {
            MaxTokens = maxTokens,
            Temperature = temperature,
            TopP = topP,
            Seed = options.Seed,
            Stop = stop,
        };
        return new TaskSubmission(ownerUid, prompt, options.Model, generation)
        {
            Priority = Priority(options.Priority, "options.priority"),
            KeepAlive = KeepAliveValue.Parse(options.KeepAlive, "options.keep_alive"),
        };
    }

    /// <summary>"interactive" (the default: someone waits for the answer) or "background".</summary>
    public static TaskPriority Priority(string? value, string field) => value switch
    {
        null or "interactive" => TaskPriority.Interactive,
        "background" => TaskPriority.Background,
        _ => throw Invalid(field, "'priority' is \"interactive\" or \"background\""),
    };

    /// <summary>Refuses the options only an ask takes, for the other kinds (a typo must not pass silently).</summary>
    internal static void RefuseAskOptions(TaskOptions? options)
    {
        if (options?.Language is not null || options?.TimeZone is not null)
        {
            string field = options.Language is not null ? "options.language" : "options.time_zone";
            throw Invalid(field, $"'{field}' is for ask tasks");
        }
    }

    private static EngineException Invalid(string field, string message) => new(ErrorKind.InvalidInput, message, field);
}

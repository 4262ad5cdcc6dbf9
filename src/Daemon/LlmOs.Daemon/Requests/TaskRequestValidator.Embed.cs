using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Requests;

internal sealed partial class TaskRequestValidator
{
    /// <summary>An <c>embed</c> task: <c>input.texts</c> (or one <c>input.text</c>) and at most <c>options.model</c>.</summary>
    public (IReadOnlyList<string> Texts, string? Model) ValidateEmbed(TaskSubmitRequest request)
    {
        var input = request.Input ?? throw Invalid("input", "'input' is required: {\"texts\":[…]} or {\"text\":…}");
        if (input.Prompt is not null)
        {
            throw Invalid("input.prompt", "'input.prompt' is for generate tasks; an embed task takes 'input.texts' or 'input.text'");
        }

        if (input.Image is not null || input.Utterance is not null)
        {
            throw Invalid("input", "an embed task takes 'input.texts' or 'input.text'");
        }

        if (input.Texts is not null && input.Text is not null)
        {
            throw Invalid("input", "give 'input.texts' or 'input.text', not both");
        }

        var texts = input.Text is { } one
            ? EmbeddingTexts.Validate([one], "input.text", settings.MaxPromptChars)
            : EmbeddingTexts.Validate(input.Texts, "input.texts", settings.MaxPromptChars);

        var options = request.Options ?? new TaskOptions();
        RefuseAskOptions(options);
        RefuseClassifyOptions(options);
        string? notForEmbed = options.MaxTokens is not null ? "max_tokens"
            : options.Temperature is not null ? "temperature"
            : options.TopP is not null ? "top_p"
            : options.Seed is not null ? "seed"
            : options.Stop is not null ? "stop"
            : options.KeepAlive is not null ? "keep_alive"
            : null;
        if (notForEmbed is not null)
        {
            throw Invalid("options." + notForEmbed, $"'{notForEmbed}' is an option of generate tasks; an embed task takes only 'model' and 'priority'");
        }

        if (options.Model is { } model && (model.Length == 0 || model.Length > 256))
        {
            throw Invalid("options.model", "'model' must be a model name");
        }

        return (texts, options.Model);
    }
}

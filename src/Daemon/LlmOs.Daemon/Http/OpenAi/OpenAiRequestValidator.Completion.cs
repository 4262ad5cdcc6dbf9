using LlmOs.Ipc.OpenAi;

namespace LlmOs.Daemon.Http.OpenAi;

internal sealed partial class OpenAiRequestValidator
{
    /// <summary>Checks a text-completion request; returns its prompt and what to generate.</summary>
    public (string Prompt, OpenAiGeneration Generation) Validate(CompletionRequest request)
    {
        RefuseUnsupported(request.N, request.FrequencyPenalty, request.PresencePenalty, request.LogitBias);
        if (request.BestOf is { } bestOf && bestOf != 1)
        {
            throw Unsupported("best_of", "llmosd gives one choice per request: 'best_of' must be 1");
        }

        if (request.Echo == true)
        {
            throw Unsupported("echo", "llmosd does not echo the prompt: leave 'echo' out or false");
        }

        if (!string.IsNullOrEmpty(request.Suffix))
        {
            throw Unsupported("suffix", "llmosd does not fill in between a prompt and a 'suffix'");
        }

        if (request.Logprobs is not null)
        {
            throw Unsupported("logprobs", "llmosd does not return log probabilities");
        }

        string prompt = Prompt(request.Prompt);
        CheckPromptLength(prompt.Length, "prompt");
        var options = Sampling(request.MaxTokens, "max_tokens", request.Temperature, request.TopP, request.Seed, request.Stop, grammar: null);
        return (prompt, Generation(request.Model, options, request.Priority, request.KeepAlive, request.Stream, request.StreamOptions));
    }

    private static string Prompt(CompletionPrompt? prompt)
    {
        if (prompt is null)
        {
            throw Invalid("prompt", "'prompt' is required");
        }

        if (prompt.HasTokenIds)
        {
            throw Unsupported("prompt", "llmosd takes the prompt as text, not as token ids");
        }

        return prompt.Texts switch
        {
            [] => throw Invalid("prompt", "'prompt' is empty"),
            [""] => throw Invalid("prompt", "'prompt' is empty"),
            [var text] => text,
            _ => throw Unsupported("prompt", "llmosd completes one prompt per request; send an array of several as separate requests"),
        };
    }
}

using LlmOs.Engine.Assistant;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Skills.Writing;

/// <summary>
/// What the writing skills share: one chat turn to the default language model as the caller (a system prompt from
/// the language's data, then the user's text), and plain replies when there is no model or it failed. A busy model
/// or an exceeded quota is not a reply but the ask's error (<see cref="ErrorKind.Busy"/>, <see cref="ErrorKind.QuotaExceeded"/>).
/// </summary>
internal static class LanguageModelReply
{
    public static readonly GenerationOptions Options = new() { MaxTokens = 256, Temperature = 0.7f };

    public static async Task<IntentReply> AskAsync(
        LanguageModelCalls languageModel,
        SkillRequest request,
        string systemPrompt,
        string userText,
        CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (languageModel.DefaultModel is null)
        {
            return new IntentReply(language.Respond("llm.missing"));
        }

        string answer;
        try
        {
            answer = await languageModel.ChatAsync(
                request.Invocation.CallerUid,
                [new ChatTurn("system", systemPrompt), new ChatTurn("user", userText)],
                Options,
                cancellationToken).ConfigureAwait(false);
        }
        catch (EngineException e) when (e.Kind is ErrorKind.ModelNotFound or ErrorKind.NeedsModel)
        {
            return new IntentReply(language.Respond("llm.missing")); // removed since DefaultModel was read
        }
        catch (EngineException e) when (e.Kind is not (ErrorKind.Busy or ErrorKind.QuotaExceeded)
            && (e.Kind != ErrorKind.Cancelled || !cancellationToken.IsCancellationRequested))
        {
            // Busy and over quota go up as they are: the ask fails with them, and the client sees busy (Retry-After).
            return new IntentReply(language.Respond("llm.failed", ("error", e.Message)));
        }

        answer = answer.Trim();
        return new IntentReply(answer.Length > 0 ? answer : language.Respond("llm.empty"));
    }
}

using System.Text.Json;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Intents;
using LlmOs.Ipc.Intents;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// Checks a handler's answer to a dispatch: a reply text with an optional action, or a refusal's message, never both.
/// An action is a flat map with at least a <c>type</c>; an empty one (D-Bus's "no action") means none.
/// </summary>
internal static class IntentAnswerValidator
{
    public const int MaxTextLength = 16 * 1024;
    public const int MaxErrorLength = 1024;

    /// <summary>The reply, or the refusal's message (exactly one of the two is set).</summary>
    public static (IntentReply? Reply, string? Refusal) Validate(IntentDispatchAnswer answer)
    {
        if (answer.Error is { } error)
        {
            if (answer.Text is not null || answer.Action is not null)
            {
                throw Invalid("error", "give 'text' (and 'action') to answer, or 'error' to refuse, not both");
            }

            if (string.IsNullOrWhiteSpace(error))
            {
                throw Invalid("error", "'error' must say why the request is refused");
            }

            if (error.Length > MaxErrorLength)
            {
                throw new EngineException(ErrorKind.TooLarge, $"'error' has {error.Length} characters; the limit is {MaxErrorLength}", "error");
            }

            return (null, error);
        }

        string text = answer.Text ?? throw Invalid("text", "'text' is required (or 'error' to refuse)");
        if (text.Length > MaxTextLength)
        {
            throw new EngineException(ErrorKind.TooLarge, $"'text' has {text.Length} characters; the limit is {MaxTextLength}", "text");
        }

        return (new IntentReply(text, Action(answer.Action)), null);
    }

    private static Dictionary<string, object>? Action(IReadOnlyDictionary<string, JsonElement>? action)
    {
        if (action is null || action.Count == 0)
        {
            return null;
        }

        var values = SlotValues.FromWire(action, "action");
        if (values.GetValueOrDefault("type") is not string { Length: > 0 })
        {
            throw Invalid("action.type", "an action needs a 'type' (a non-empty string, for example \"app.open\")");
        }

        return values;
    }

    private static EngineException Invalid(string field, string message) => new(ErrorKind.InvalidInput, message, field);
}

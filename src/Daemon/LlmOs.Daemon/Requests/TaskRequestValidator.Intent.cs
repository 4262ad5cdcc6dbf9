using LlmOs.Engine.Errors;
using LlmOs.Engine.Intents;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Requests;

internal sealed partial class TaskRequestValidator
{
    internal const int MaxIntentNameLength = 128;

    /// <summary>Checks an intent request: <c>input.intent</c> (a dotted name), <c>input.slots</c>, <c>input.utterance</c>.</summary>
    public IntentInvocation ValidateIntent(TaskSubmitRequest request, uint callerUid)
    {
        var input = request.Input ?? throw Invalid("input.intent", "'input.intent' is required");
        if (input.Prompt is not null || input.Texts is not null || input.Text is not null || input.Image is not null)
        {
            throw Invalid("input", "an intent task takes 'input.intent', 'input.slots' and 'input.utterance'");
        }

        string intent = input.Intent ?? throw Invalid("input.intent", "'input.intent' is required");
        if (!IsIntentName(intent))
        {
            throw Invalid("input.intent", $"'input.intent' must be a dotted name of letters, digits, '_' and '-', at most {MaxIntentNameLength} characters");
        }

        string utterance = input.Utterance ?? "";
        if (utterance.Length > settings.MaxPromptChars)
        {
            throw new EngineException(ErrorKind.TooLarge, $"the utterance has {utterance.Length} characters; the limit is {settings.MaxPromptChars}", "input.utterance");
        }

        if (request.Options is { } options && (options.Model ?? (object?)options.MaxTokens ?? options.Temperature ?? options.TopP ?? options.Seed ?? options.Stop ?? (object?)options.KeepAlive ?? options.Language ?? options.TimeZone ?? (object?)options.Top) is not null)
        {
            throw Invalid("options", "an intent task takes only 'options.priority'");
        }

        return new IntentInvocation(intent, SlotValues.FromWire(input.Slots, "input.slots"), utterance, callerUid);
    }

    /// <summary>Intent names: <c>timer.set</c>, <c>org.example.app.play-song</c>.</summary>
    public static bool IsIntentName(string name) =>
        name.Length is > 0 and <= MaxIntentNameLength
        && name[0] != '.' && name[^1] != '.' && !name.Contains("..", StringComparison.Ordinal)
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}

using LlmOs.Engine.Errors;
using LlmOs.Engine.Intents;
using LlmOs.Ipc.Intents;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// Checks the intents an app registers (over D-Bus or the socket) and turns them into the engine's definitions.
/// The limits keep one app from filling the daemon's memory or the speech grammar built from the examples.
/// </summary>
internal static class IntentDefinitionValidator
{
    public const int MaxIntents = 64;
    public const int MaxExamples = 32;
    public const int MaxExampleLength = 256;
    public const int MaxSlots = 16;
    public const int MaxSlotTypeLength = 64;
    public const int MaxDescriptionLength = 512;

    /// <summary>Validates a registration's intents; <paramref name="field"/> names the list in errors (<c>intents</c>).</summary>
    public static List<IntentDefinition> Validate(IReadOnlyList<IntentDto>? intents, string field)
    {
        if (intents is null || intents.Count == 0)
        {
            throw Invalid(field, $"'{field}' needs at least one intent");
        }

        if (intents.Count > MaxIntents)
        {
            throw new EngineException(ErrorKind.TooLarge, $"'{field}' has {intents.Count} intents; the limit is {MaxIntents} per handler", field);
        }

        var definitions = new List<IntentDefinition>(intents.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < intents.Count; i++)
        {
            string at = $"{field}[{i}]";
            var intent = intents[i] ?? throw Invalid(at, $"'{at}' must be an object");
            string name = intent.Name ?? throw Invalid(at + ".name", $"'{at}.name' is required");
            if (!TaskRequestValidator.IsIntentName(name))
            {
                throw Invalid(at + ".name", $"'{at}.name' must be a dotted name of letters, digits, '_' and '-', at most {TaskRequestValidator.MaxIntentNameLength} characters");
            }

            if (!seen.Add(name))
            {
                throw Invalid(at + ".name", $"'{name}' is listed twice");
            }

            var examples = intent.Examples ?? [];
            if (examples.Count > MaxExamples || examples.Any(e => string.IsNullOrWhiteSpace(e) || e.Length > MaxExampleLength))
            {
                throw Invalid(at + ".examples", $"'{at}.examples' holds at most {MaxExamples} non-empty sentences of at most {MaxExampleLength} characters");
            }

            var slots = intent.Slots ?? new Dictionary<string, string>();
            if (slots.Count > MaxSlots || slots.Any(s => s.Key.Length is 0 or > SlotValues.MaxNameLength || string.IsNullOrEmpty(s.Value) || s.Value.Length > MaxSlotTypeLength))
            {
                throw Invalid(at + ".slots", $"'{at}.slots' maps at most {MaxSlots} slot names (1 to {SlotValues.MaxNameLength} characters) to type names (1 to {MaxSlotTypeLength})");
            }

            if (intent.Description is { Length: > MaxDescriptionLength })
            {
                throw Invalid(at + ".description", $"'{at}.description' is longer than {MaxDescriptionLength} characters");
            }

            definitions.Add(new IntentDefinition(name, [.. examples], new Dictionary<string, string>(slots, StringComparer.Ordinal), intent.Description));
        }

        return definitions;
    }

    private static EngineException Invalid(string field, string message) => new(ErrorKind.InvalidInput, message, field);
}

using System.Text.Json;

namespace LlmOs.Ctl.Cli;

/// <summary>
/// <c>--slot name=value</c> arguments as the slot map of an intent task. A value that reads as a JSON number or
/// <c>true</c>/<c>false</c> is sent as one (<c>minutes=5</c>); anything else is text (<c>app=firefox</c>, <c>code=007</c>).
/// </summary>
internal static class SlotArguments
{
    /// <summary>Why <paramref name="argument"/> is not <c>name=value</c>, or null when it is.</summary>
    public static string? Problem(string argument) =>
        argument.IndexOf('=', StringComparison.Ordinal) > 0 ? null : $"'{argument}' is not a slot: give --slot name=value";

    public static Dictionary<string, JsonElement>? Parse(IReadOnlyList<string>? arguments)
    {
        if (arguments is null || arguments.Count == 0)
        {
            return null;
        }

        var slots = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (string argument in arguments)
        {
            int split = argument.IndexOf('=', StringComparison.Ordinal);
            slots[argument[..split]] = Value(argument[(split + 1)..]);
        }

        return slots;
    }

    private static JsonElement Value(string text)
    {
        if (text.Length > 0 && (text[0] is '-' or 't' or 'f' || char.IsAsciiDigit(text[0])))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                {
                    return document.RootElement.Clone();
                }
            }
            catch (JsonException)
            {
                // Not a number or a boolean: it is text.
            }
        }

        return JsonSerializer.SerializeToElement(text, LlmOs.Ipc.IpcJsonContext.Default.String);
    }
}

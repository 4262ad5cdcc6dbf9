using System.Buffers;
using System.Text.Json;
using LlmOs.Engine.Errors;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// Slot values and actions between their wire form (JSON values, which D-Bus dictionaries decode to as well) and the
/// engine's (string, long, double, bool). Nested objects and lists are refused: a slot is one value.
/// </summary>
internal static class SlotValues
{
    public const int MaxEntries = 32;
    public const int MaxNameLength = 64;
    public const int MaxTextLength = 4096;

    /// <summary>Wire to engine; <paramref name="field"/> names the map in errors.</summary>
    public static Dictionary<string, object> FromWire(IReadOnlyDictionary<string, JsonElement>? values, string field)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        if (values is null)
        {
            return result;
        }

        if (values.Count > MaxEntries)
        {
            throw new EngineException(ErrorKind.TooLarge, $"'{field}' has {values.Count} entries; the limit is {MaxEntries}", field);
        }

        foreach (var (name, value) in values)
        {
            if (name.Length is 0 or > MaxNameLength)
            {
                throw new EngineException(ErrorKind.InvalidInput, $"the names in '{field}' must have 1 to {MaxNameLength} characters", field);
            }

            result[name] = value.ValueKind switch
            {
                JsonValueKind.String when value.GetString()!.Length <= MaxTextLength => value.GetString()!,
                JsonValueKind.String => throw new EngineException(ErrorKind.TooLarge, $"'{field}.{name}' is longer than {MaxTextLength} characters", field),
                JsonValueKind.Number when value.TryGetInt64(out long whole) => whole,
                JsonValueKind.Number => value.GetDouble(),
                JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
                _ => throw new EngineException(ErrorKind.InvalidInput, $"'{field}.{name}' must be a string, a number or a boolean", field),
            };
        }

        return result;
    }

    /// <summary>Engine to wire; null stays null.</summary>
    public static Dictionary<string, JsonElement>? ToWire(IReadOnlyDictionary<string, object>? values)
    {
        if (values is null)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in values)
            {
                switch (value)
                {
                    case string s: json.WriteString(name, s); break;
                    case long x: json.WriteNumber(name, x); break;
                    case int i: json.WriteNumber(name, i); break;
                    case double d when double.IsFinite(d): json.WriteNumber(name, d); break;
                    case bool b: json.WriteBoolean(name, b); break;
                    default: json.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
                }
            }

            json.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            result[property.Name] = property.Value.Clone();
        }

        return result;
    }
}

using System.Buffers;
using System.Collections;
using System.Text.Json;

namespace LlmOs.Client.Intents;

/// <summary>
/// A handler's action dictionary as a JSON object, which <see cref="Ipc.DBus.DBusDictionaryWriter.WriteJsonObject"/>
/// then writes as the a{sv} Handle returns: the same typing (whole numbers x, fractions d, lists av) as every other
/// dictionary llmosd exchanges.
/// </summary>
internal static class ActionJson
{
    public static JsonDocument ToDocument(IReadOnlyDictionary<string, object?>? action)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteObject(json, action ?? new Dictionary<string, object?>());
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    private static void WriteObject(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> entries)
    {
        json.WriteStartObject();
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                json.WritePropertyName(key);
                WriteValue(json, value);
            }
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case byte or sbyte or short or ushort or int or uint or long: json.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case ulong u: json.WriteNumberValue(u); break;
            case float or double or decimal: json.WriteNumberValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case JsonElement element: element.WriteTo(json); break;
            case IEnumerable<KeyValuePair<string, object?>> map: WriteObject(json, map); break;
            case IDictionary map: WriteObject(json, map.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, object?>(e.Key.ToString()!, e.Value))); break;
            case IEnumerable list:
                json.WriteStartArray();
                foreach (object? item in list)
                {
                    WriteValue(json, item ?? throw new NotSupportedException("an action's list cannot hold null"));
                }

                json.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"an action value cannot be a {value.GetType()}; use strings, numbers, booleans, dictionaries and lists");
        }
    }
}

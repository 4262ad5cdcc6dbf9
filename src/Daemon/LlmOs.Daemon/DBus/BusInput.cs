using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmOs.Engine.Errors;
using LlmOs.Ipc.DBus;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// Reads a caller's a{sv} arguments into the socket's records (<see cref="DBusDictionaryReader"/>: a{sv} → JSON → record),
/// so both transports accept and refuse the same things, and turns every way an argument can be wrong into an
/// <see cref="EngineException"/> that names the field, as the socket's JSON reader does.
/// </summary>
internal static class BusInput
{
    /// <summary>Reads an a{sv} from the body; a key given twice is refused (D-Bus allows it, a JSON object does not).</summary>
    public static Dictionary<string, VariantValue> ReadDictionary(ref Reader reader, string argument)
    {
        var dictionary = new Dictionary<string, VariantValue>(StringComparer.Ordinal);
        var end = reader.ReadDictionaryStart();
        while (reader.HasNext(end))
        {
            string key = reader.ReadString();
            if (!dictionary.TryAdd(key, reader.ReadVariantValue()))
            {
                throw new EngineException(ErrorKind.InvalidInput, key.Length <= 64 ? $"'{argument}' has the key '{key}' twice" : $"'{argument}' has a key twice", argument);
            }
        }

        return dictionary;
    }

    /// <summary>Decodes an a{sv} into <typeparamref name="T"/>; its JSON form may take at most <paramref name="maxBytes"/>.</summary>
    public static T Read<T>(Dictionary<string, VariantValue> dictionary, JsonTypeInfo<T> typeInfo, string argument, long maxBytes)
        where T : class
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        try
        {
            DBusDictionaryReader.WriteJson(buffer, dictionary);
        }
        catch (FormatException e)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"'{argument}' holds a value that has no meaning here: {e.Message}", argument);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonWriter refuses nesting deeper than it allows.
            throw new EngineException(ErrorKind.InvalidInput, $"'{argument}' is nested too deeply: {e.Message}", argument);
        }

        if (buffer.WrittenCount > maxBytes)
        {
            throw new EngineException(ErrorKind.TooLarge, $"'{argument}' is larger than the daemon accepts ({maxBytes} bytes as JSON)", argument);
        }

        try
        {
            var json = new Utf8JsonReader(buffer.WrittenSpan);
            return JsonSerializer.Deserialize(ref json, typeInfo)
                ?? throw new EngineException(ErrorKind.InvalidInput, $"'{argument}' decodes to nothing", argument);
        }
        catch (JsonException e)
        {
            string field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? argument : argument + "." + e.Path.TrimStart('$', '.');
            string why = e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknown key"
                : e.Message.Contains("could not be converted", StringComparison.Ordinal) ? "wrong type"
                : "malformed value";
            throw new EngineException(ErrorKind.InvalidInput, $"{why} at '{field}'", field);
        }
    }
}

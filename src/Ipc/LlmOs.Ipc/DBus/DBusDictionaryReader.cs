using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tmds.DBus.Protocol;

namespace LlmOs.Ipc.DBus;

/// <summary>
/// Reads the a{sv} a D-Bus client sent into the wire record the socket would have decoded from JSON: the dictionary
/// becomes its JSON form (any integer type is a number, object paths and signatures are strings, variants are
/// unwrapped, structs are arrays), then the record's own JSON contract decodes it, so both transports accept and
/// refuse exactly the same things. A value JSON cannot hold (a file descriptor, a non-finite number, a map not keyed
/// by strings) throws <see cref="FormatException"/>; a shape the record refuses throws <see cref="JsonException"/>.
/// </summary>
public static class DBusDictionaryReader
{
    /// <summary>Decodes a dictionary the caller read (<see cref="Reader.ReadDictionaryOfStringToVariantValue"/>).</summary>
    public static T Read<T>(Dictionary<string, VariantValue> dictionary, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        WriteJson(buffer, dictionary);
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonSerializer.Deserialize(ref reader, typeInfo) ?? throw new JsonException("the dictionary decodes to nothing");
    }

    /// <summary>Decodes an a{sv} value (for example one element of an aa{sv}) the same way.</summary>
    public static T Read<T>(VariantValue dictionary, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteJson(json, dictionary);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonSerializer.Deserialize(ref reader, typeInfo) ?? throw new JsonException("the dictionary decodes to nothing");
    }

    /// <summary>The JSON form of an a{sv}, as UTF-8 into <paramref name="buffer"/>.</summary>
    public static void WriteJson(IBufferWriter<byte> buffer, Dictionary<string, VariantValue> dictionary)
    {
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        foreach (var (key, value) in dictionary)
        {
            json.WritePropertyName(key);
            WriteJson(json, value);
        }

        json.WriteEndObject();
    }

    private static void WriteJson(Utf8JsonWriter json, VariantValue value)
    {
        switch (value.Type)
        {
            case VariantValueType.Byte: json.WriteNumberValue(value.GetByte()); break;
            case VariantValueType.Int16: json.WriteNumberValue(value.GetInt16()); break;
            case VariantValueType.UInt16: json.WriteNumberValue(value.GetUInt16()); break;
            case VariantValueType.Int32: json.WriteNumberValue(value.GetInt32()); break;
            case VariantValueType.UInt32: json.WriteNumberValue(value.GetUInt32()); break;
            case VariantValueType.Int64: json.WriteNumberValue(value.GetInt64()); break;
            case VariantValueType.UInt64: json.WriteNumberValue(value.GetUInt64()); break;
            case VariantValueType.Double:
                double number = value.GetDouble();
                json.WriteNumberValue(double.IsFinite(number) ? number : throw new FormatException("a number must be finite"));
                break;
            case VariantValueType.Bool: json.WriteBooleanValue(value.GetBool()); break;
            case VariantValueType.String: json.WriteStringValue(value.GetString()); break;
            case VariantValueType.ObjectPath: json.WriteStringValue(value.GetObjectPathAsString()); break;
            case VariantValueType.Signature: json.WriteStringValue(value.GetSignature().ToString()); break;
            case VariantValueType.Variant: WriteJson(json, value.GetVariantValue()); break;
            case VariantValueType.Array or VariantValueType.Struct:
                json.WriteStartArray();
                for (int i = 0; i < value.Count; i++)
                {
                    WriteJson(json, value.GetItem(i));
                }

                json.WriteEndArray();
                break;
            case VariantValueType.Dictionary:
                if (value.KeyType is not (VariantValueType.String or VariantValueType.ObjectPath))
                {
                    throw new FormatException("a dictionary must have string keys");
                }

                json.WriteStartObject();
                for (int i = 0; i < value.Count; i++)
                {
                    var entry = value.GetDictionaryEntry(i);
                    json.WritePropertyName(entry.Key.Type == VariantValueType.String ? entry.Key.GetString() : entry.Key.GetObjectPathAsString());
                    WriteJson(json, entry.Value);
                }

                json.WriteEndObject();
                break;
            default:
                throw new FormatException($"a {value.Type} value has no JSON form");
        }
    }
}

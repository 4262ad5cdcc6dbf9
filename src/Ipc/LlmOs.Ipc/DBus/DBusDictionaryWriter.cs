using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tmds.DBus.Protocol;

namespace LlmOs.Ipc.DBus;

/// <summary>
/// Writes a wire record as the a{sv} D-Bus clients get: the same keys as its JSON (snake_case, nulls left out),
/// each value typed from its .NET property (see <see cref="DBusSignatures"/>). The record's JSON metadata drives it,
/// so a field added to a record appears on the socket and on the bus alike. Not a per-token path: boxing is fine.
/// </summary>
public static class DBusDictionaryWriter
{
    /// <summary>Writes <paramref name="value"/> as a{sv}.</summary>
    public static void Write<T>(ref MessageWriter writer, T value, JsonTypeInfo<T> typeInfo) =>
        WriteObject(ref writer, value!, typeInfo);

    /// <summary>Writes <paramref name="values"/> as aa{sv}.</summary>
    public static void WriteList<T>(ref MessageWriter writer, IEnumerable<T> values, JsonTypeInfo<T> typeInfo)
    {
        var array = writer.WriteArrayStart(DBusType.Array);
        foreach (var value in values)
        {
            WriteObject(ref writer, value!, typeInfo);
        }

        writer.WriteArrayEnd(array);
    }

    /// <summary>Writes a JSON object (slots, an action: values whose shape no record fixes) as a{sv}; null writes {}.</summary>
    public static void WriteJsonObject(ref MessageWriter writer, JsonElement? element)
    {
        var dictionary = writer.WriteDictionaryStart();
        if (element is { ValueKind: JsonValueKind.Object } json)
        {
            foreach (var property in json.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    writer.WriteDictionaryEntryStart();
                    writer.WriteString(property.Name);
                    WriteJsonVariant(ref writer, property.Value);
                }
            }
        }

        writer.WriteDictionaryEnd(dictionary);
    }

    private static void WriteObject(ref MessageWriter writer, object value, JsonTypeInfo typeInfo)
    {
        var dictionary = writer.WriteDictionaryStart();
        foreach (var property in typeInfo.Properties)
        {
            if (property.Get?.Invoke(value) is { } propertyValue)
            {
                writer.WriteDictionaryEntryStart();
                writer.WriteString(property.Name);
                WriteVariant(ref writer, propertyValue, property.PropertyType, typeInfo.Options);
            }
        }

        writer.WriteDictionaryEnd(dictionary);
    }

    private static void WriteVariant(ref MessageWriter writer, object value, Type declared, JsonSerializerOptions options)
    {
        if (value is JsonElement json)
        {
            WriteJsonVariant(ref writer, json);
            return;
        }

        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type == typeof(object))
        {
            type = value.GetType();
        }

        writer.WriteSignature(DBusSignatures.Of(type, options));
        WriteValue(ref writer, value, type, options);
    }

    private static void WriteValue(ref MessageWriter writer, object value, Type type, JsonSerializerOptions options)
    {
        switch (value)
        {
            case string s: writer.WriteString(s); return;
            case bool b: writer.WriteBool(b); return;
            case byte y: writer.WriteByte(y); return;
            case short n: writer.WriteInt16(n); return;
            case ushort q: writer.WriteUInt16(q); return;
            case int i: writer.WriteInt32(i); return;
            case uint u: writer.WriteUInt32(u); return;
            case long x: writer.WriteInt64(x); return;
            case ulong t: writer.WriteUInt64(t); return;
            case double d: writer.WriteDouble(d); return;
            case float f: writer.WriteDouble(f); return;
            case DateTimeOffset time: writer.WriteString(time.ToString("O", CultureInfo.InvariantCulture)); return;
            case DateTime time: writer.WriteString(time.ToString("O", CultureInfo.InvariantCulture)); return;
            case TimeSpan span: writer.WriteString(span.ToString("c", CultureInfo.InvariantCulture)); return;
            case Enum e: writer.WriteString(e.ToString()); return;
            case JsonElement json: WriteJsonVariant(ref writer, json); return;
        }

        var info = options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                WriteObject(ref writer, value, info);
                return;
            case JsonTypeInfoKind.Dictionary:
                WriteMap(ref writer, (IDictionary)value, info.ElementType!, options);
                return;
            case JsonTypeInfoKind.Enumerable:
                string element = DBusSignatures.Of(info.ElementType!, options);
                var array = writer.WriteArrayStart((DBusType)element[0]);
                foreach (object? item in (IEnumerable)value)
                {
                    WriteValue(ref writer, item ?? throw new NotSupportedException("a list with a null in it has no D-Bus form"), info.ElementType!, options);
                }

                writer.WriteArrayEnd(array);
                return;
            default:
                throw new NotSupportedException($"{type} has no D-Bus form");
        }
    }

    private static void WriteMap(ref MessageWriter writer, IDictionary map, Type elementType, JsonSerializerOptions options)
    {
        var dictionary = writer.WriteDictionaryStart();
        foreach (DictionaryEntry entry in map)
        {
            writer.WriteDictionaryEntryStart();
            writer.WriteString((string)entry.Key);
            WriteValue(ref writer, entry.Value!, elementType, options);
        }

        writer.WriteDictionaryEnd(dictionary);
    }

    /// <summary>A JSON value as a variant: strings s, whole numbers x, other numbers d, booleans b, objects a{sv}, arrays av.</summary>
    private static void WriteJsonVariant(ref MessageWriter writer, JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                writer.WriteVariantString(json.GetString()!);
                return;
            case JsonValueKind.Number when json.TryGetInt64(out long whole):
                writer.WriteVariantInt64(whole);
                return;
            case JsonValueKind.Number:
                writer.WriteVariantDouble(json.GetDouble());
                return;
            case JsonValueKind.True or JsonValueKind.False:
                writer.WriteVariantBool(json.GetBoolean());
                return;
            case JsonValueKind.Object:
                writer.WriteSignature("a{sv}");
                WriteJsonObject(ref writer, json);
                return;
            case JsonValueKind.Array:
                writer.WriteSignature("av");
                var array = writer.WriteArrayStart(DBusType.Variant);
                foreach (var item in json.EnumerateArray())
                {
                    WriteJsonVariant(ref writer, item);
                }

                writer.WriteArrayEnd(array);
                return;
            default:
                throw new NotSupportedException("a JSON null has no D-Bus form");
        }
    }
}

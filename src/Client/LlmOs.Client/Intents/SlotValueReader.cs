using Tmds.DBus.Protocol;

namespace LlmOs.Client.Intents;

/// <summary>Handle's a{sv} of slots as .NET values: strings, whole numbers as <see cref="long"/>, fractions, booleans.</summary>
internal static class SlotValueReader
{
    public static Dictionary<string, object> Read(Dictionary<string, VariantValue> slots)
    {
        var values = new Dictionary<string, object>(slots.Count, StringComparer.Ordinal);
        foreach (var (name, value) in slots)
        {
            values[name] = Value(value);
        }

        return values;
    }

    private static object Value(VariantValue value) => value.Type switch
    {
        VariantValueType.String => value.GetString(),
        VariantValueType.Bool => value.GetBool(),
        VariantValueType.Double => value.GetDouble(),
        VariantValueType.Byte => (long)value.GetByte(),
        VariantValueType.Int16 => (long)value.GetInt16(),
        VariantValueType.UInt16 => (long)value.GetUInt16(),
        VariantValueType.Int32 => (long)value.GetInt32(),
        VariantValueType.UInt32 => (long)value.GetUInt32(),
        VariantValueType.Int64 => value.GetInt64(),
        VariantValueType.UInt64 when value.GetUInt64() <= long.MaxValue => (long)value.GetUInt64(),
        VariantValueType.UInt64 => (double)value.GetUInt64(),
        VariantValueType.ObjectPath => value.GetObjectPathAsString(),
        VariantValueType.Variant => Value(value.GetVariantValue()),

        // llmosd sends only the four kinds above; anything else is kept in its text form rather than refused.
        _ => value.ToString() ?? string.Empty,
    };
}

using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// Images inside a caller's a{sv}: D-Bus has bytes (ay), which JSON has not, so an image that came as bytes is taken out
/// of the dictionary (or turned into the base64 the socket's JSON carries) before the rest is decoded as the socket's record.
/// </summary>
internal static class BusImages
{
    /// <summary>Removes and returns <paramref name="key"/>'s bytes when it holds ay (in any depth of variants); else null, the dictionary untouched.</summary>
    public static byte[]? TakeBytes(Dictionary<string, VariantValue> dictionary, string key)
    {
        if (!dictionary.TryGetValue(key, out var value))
        {
            return null;
        }

        while (value.Type == VariantValueType.Variant)
        {
            value = value.GetVariantValue();
        }

        if (value.Type != VariantValueType.Array || value.ItemType != VariantValueType.Byte)
        {
            return null;
        }

        dictionary.Remove(key);
        return value.GetArray<byte>();
    }

    /// <summary>Turns <paramref name="key"/>'s bytes (ay) into base64 text in place, for records that carry images as base64.</summary>
    public static void BytesToBase64(Dictionary<string, VariantValue> dictionary, string key)
    {
        if (TakeBytes(dictionary, key) is { } bytes)
        {
            dictionary[key] = VariantValue.String(Convert.ToBase64String(bytes));
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LlmOs.Ipc.DBus;

/// <summary>The D-Bus type of a wire record's .NET property, as <see cref="DBusDictionaryWriter"/> writes it.</summary>
internal static class DBusSignatures
{
    /// <summary>
    /// Scalars map to their D-Bus twins; dates, times and enums are strings, as in JSON; a <see cref="JsonElement"/>
    /// is a variant (its type depends on its value); records are a{sv}; lists are arrays of their element's type;
    /// string-keyed maps are a{s…}.
    /// </summary>
    public static string Of(Type declared, JsonSerializerOptions options)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (Scalar(type) is { } scalar)
        {
            return scalar;
        }

        var info = options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => "a{sv}",
            JsonTypeInfoKind.Enumerable => "a" + Of(info.ElementType!, options),
            JsonTypeInfoKind.Dictionary when info.KeyType == typeof(string) => "a{s" + Of(info.ElementType!, options) + "}",
            _ => throw new NotSupportedException($"{type} has no D-Bus form"),
        };
    }

    public static string? Scalar(Type type) => type switch
    {
        _ when type == typeof(string) => "s",
        _ when type == typeof(bool) => "b",
        _ when type == typeof(byte) => "y",
        _ when type == typeof(short) => "n",
        _ when type == typeof(ushort) => "q",
        _ when type == typeof(int) => "i",
        _ when type == typeof(uint) => "u",
        _ when type == typeof(long) => "x",
        _ when type == typeof(ulong) => "t",
        _ when type == typeof(double) || type == typeof(float) => "d",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(TimeSpan) || type.IsEnum => "s",
        _ when type == typeof(JsonElement) || type == typeof(object) => "v",
        _ => null,
    };
}

using System.Text.Json.Serialization.Metadata;
using LlmOs.Ipc.DBus;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>Readers of llmosd's replies (<see cref="MessageValueReader{T}"/>s), into the same wire records as the socket's JSON.</summary>
internal static class ReplyReaders
{
    /// <summary>An a{sv} reply as the record whose <see cref="JsonTypeInfo{T}"/> is the state.</summary>
    public static T Record<T>(Message message, object? state) =>
        DBusDictionaryReader.Read(message.GetBodyReader().ReadDictionaryOfStringToVariantValue(), (JsonTypeInfo<T>)state!);

    /// <summary>An aa{sv} reply as a list of records.</summary>
    public static List<T> Records<T>(Message message, object? state)
    {
        var typeInfo = (JsonTypeInfo<T>)state!;
        var reader = message.GetBodyReader();
        var list = new List<T>();
        var end = reader.ReadArrayStart(DBusType.Array);
        while (reader.HasNext(end))
        {
            list.Add(DBusDictionaryReader.Read(reader.ReadDictionaryOfStringToVariantValue(), typeInfo));
        }

        return list;
    }

    public static string ObjectPath(Message message, object? state) => message.GetBodyReader().ReadObjectPathAsString();

    /// <summary>An object path and who sent it (the unique name of the llmosd that answered).</summary>
    public static (string Path, string? Sender) ObjectPathAndSender(Message message, object? state) =>
        (message.GetBodyReader().ReadObjectPathAsString(), message.SenderAsString);

    /// <summary>An empty reply's sender (the unique name of the llmosd that answered).</summary>
    public static string? Sender(Message message, object? state) => message.SenderAsString;

    public static string[] ObjectPaths(Message message, object? state) =>
        [.. message.GetBodyReader().ReadArrayOfObjectPath().Select(path => path.ToString())];

    public static bool None(Message message, object? state) => true;
}

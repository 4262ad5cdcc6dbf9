using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>Writes one property as a variant; false when the object has no property of that name.</summary>
internal delegate bool PropertyWriter<in TState>(ref MessageWriter writer, string name, TState state);

/// <summary>
/// <c>org.freedesktop.DBus.Properties</c> for an object whose properties are all read-only: Get, GetAll, and Set
/// refused with the standard PropertyReadOnly error, as GDBus and sd-bus answer it.
/// </summary>
internal static class BusProperties
{
    public static void Handle<TState>(MethodContext context, string interfaceName, IReadOnlyList<string> names, PropertyWriter<TState> write, TState state)
    {
        var request = context.Request;
        string signature = request.SignatureAsString ?? "";
        var reader = request.GetBodyReader();
        switch (request.MemberAsString)
        {
            case "Get" when signature == "ss":
                {
                    CheckInterface(reader.ReadString(), interfaceName);
                    string name = reader.ReadString();
                    var writer = context.CreateReplyWriter("v");
                    try
                    {
                        if (!write(ref writer, name, state))
                        {
                            throw UnknownProperty(name, interfaceName);
                        }

                        context.Reply(writer.CreateMessage());
                    }
                    finally
                    {
                        writer.Dispose();
                    }

                    return;
                }

            case "GetAll" when signature == "s":
                {
                    string asked = reader.ReadString();
                    bool ours = asked.Length == 0 || asked == interfaceName;
                    if (!ours && !asked.StartsWith("org.freedesktop.DBus.", StringComparison.Ordinal))
                    {
                        throw new BusCallException(DBusErrors.UnknownInterface, $"this object has no interface {asked}");
                    }

                    var writer = context.CreateReplyWriter("a{sv}");
                    try
                    {
                        var dictionary = writer.WriteDictionaryStart();
                        foreach (string name in ours ? names : [])
                        {
                            writer.WriteDictionaryEntryStart();
                            writer.WriteString(name);
                            write(ref writer, name, state);
                        }

                        writer.WriteDictionaryEnd(dictionary);
                        context.Reply(writer.CreateMessage());
                    }
                    finally
                    {
                        writer.Dispose();
                    }

                    return;
                }

            case "Set" when signature == "ssv":
                {
                    CheckInterface(reader.ReadString(), interfaceName);
                    string name = reader.ReadString();
                    throw names.Contains(name)
                        ? new BusCallException(DBusErrors.PropertyReadOnly, $"{interfaceName}.{name} is read-only")
                        : UnknownProperty(name, interfaceName);
                }

            default:
                context.ReplyUnknownMethodError();
                return;
        }
    }

    private static void CheckInterface(string asked, string interfaceName)
    {
        if (asked.Length != 0 && asked != interfaceName)
        {
            throw new BusCallException(DBusErrors.UnknownInterface, $"this object has no properties on {asked}");
        }
    }

    private static BusCallException UnknownProperty(string name, string interfaceName) =>
        new(DBusErrors.UnknownProperty, $"{interfaceName} has no property '{name}'");
}

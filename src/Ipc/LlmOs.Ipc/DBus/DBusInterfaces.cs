using System.Reflection;

namespace LlmOs.Ipc.DBus;

/// <summary>
/// The introspection XML of llmos's three interfaces, the files beside this one compiled in as resources: the service
/// exports exactly these, packaging installs them, and clients read them to know the calls.
/// </summary>
public static class DBusInterfaces
{
    public static ReadOnlyMemory<byte> Daemon1 { get; } = Load("org.llmos.Daemon1.xml");

    public static ReadOnlyMemory<byte> Task1 { get; } = Load("org.llmos.Task1.xml");

    public static ReadOnlyMemory<byte> IntentHandler1 { get; } = Load("org.llmos.IntentHandler1.xml");

    /// <summary>The <c>&lt;interface&gt;</c> element of a file alone, as an Introspect reply embeds it in its node.</summary>
    public static ReadOnlyMemory<byte> InterfaceElement(ReadOnlyMemory<byte> file)
    {
        var span = file.Span;
        int start = span.IndexOf("<interface "u8);
        int end = span.LastIndexOf("</interface>"u8) + "</interface>".Length;
        return file[start..end];
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(DBusInterfaces).Assembly.GetManifestResourceStream("LlmOs.Ipc.DBus." + name)
            ?? throw new InvalidOperationException($"the resource {name} is missing from {Assembly.GetExecutingAssembly().GetName().Name}");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}

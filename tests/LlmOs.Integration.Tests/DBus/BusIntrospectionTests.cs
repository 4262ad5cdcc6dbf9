using System.Text;
using System.Xml;
using System.Xml.Linq;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.DBus;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>What gdbus sees on the bus is exactly the interface files in src/Ipc: methods, arguments, properties, signals, annotations.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BusIntrospectionTests
{
    private static readonly string[] StandardInterfaces =
        ["org.freedesktop.DBus.Introspectable", "org.freedesktop.DBus.Peer", "org.freedesktop.DBus.Properties"];

    [Fact]
    public async Task The_daemon_object_exports_exactly_Daemon1_as_the_file_declares_it()
    {
        await using var bus = await BusDaemon.StartAsync();

        var node = await IntrospectAsync(bus.Address, DBusNames.DaemonPath);

        AssertInterfaces(node, DBusNames.DaemonInterface, DBusInterfaces.Daemon1);
    }

    [Fact]
    public async Task A_task_object_exports_exactly_Task1_as_the_file_declares_it()
    {
        await using var bus = await BusDaemon.StartAsync();
        var submitted = await BusTools.GdbusCallAsync(bus.Address, DBusNames.DaemonPath, "org.llmos.Daemon1.Submit",
            "generate", "{'prompt': <'Once upon a time'>}", "{'max_tokens': <4>, 'detach': <true>}");
        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        string path = BusTools.ObjectPath(submitted.Stdout);

        var node = await IntrospectAsync(bus.Address, path);

        AssertInterfaces(node, DBusNames.TaskInterface, DBusInterfaces.Task1);
    }

    private static async Task<XElement> IntrospectAsync(string address, string path)
    {
        var result = await ProcessRunner.RunAsync("gdbus", ["introspect", "--address", address, "--dest", DBusNames.Service, "--object-path", path, "--xml"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return Parse(Encoding.UTF8.GetBytes(result.Stdout));
    }

    private static void AssertInterfaces(XElement node, string name, ReadOnlyMemory<byte> file)
    {
        var names = node.Elements("interface").Select(i => (string)i.Attribute("name")!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([.. StandardInterfaces.Append(name).Order(StringComparer.Ordinal)], names);

        var expected = Parse(file.ToArray()).Elements("interface").Single();
        var exported = node.Elements("interface").Single(i => (string?)i.Attribute("name") == name);
        Assert.Equal(Canonical(expected), Canonical(exported));
    }

    private static XElement Parse(byte[] xml)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        return XDocument.Load(reader).Root!;
    }

    /// <summary>Elements and attributes only (no comments, no whitespace), in document order: what a D-Bus tool reads.</summary>
    private static string Canonical(XElement element)
    {
        var text = new StringBuilder();
        Write(element, 0);
        return text.ToString();

        void Write(XElement e, int depth)
        {
            text.Append(' ', depth * 2).Append(e.Name.LocalName);
            foreach (var attribute in e.Attributes().OrderBy(a => a.Name.LocalName, StringComparer.Ordinal))
            {
                text.Append(' ').Append(attribute.Name.LocalName).Append("=\"").Append(attribute.Value).Append('"');
            }

            text.Append('\n');
            foreach (var child in e.Elements())
            {
                Write(child, depth + 1);
            }
        }
    }
}

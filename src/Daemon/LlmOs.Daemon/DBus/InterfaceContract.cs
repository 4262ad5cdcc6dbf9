using System.Collections.Frozen;
using System.Xml;
using System.Xml.Linq;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// The methods of one interface as its introspection XML declares them: the argument signature each call must carry
/// and the reply's. Read from the same file the service exports, so what is checked is what is published.
/// </summary>
internal sealed class InterfaceContract
{
    private readonly FrozenDictionary<string, Method> _methods;

    private InterfaceContract(FrozenDictionary<string, Method> methods) => _methods = methods;

    /// <summary>One method: its in-signature, its reply signature, and its arguments for error messages ("(s kind, a{sv} input)").</summary>
    public sealed record Method(string Name, string In, string Out, string Arguments);

    public static InterfaceContract Parse(ReadOnlyMemory<byte> xml)
    {
        using var stream = new MemoryStream(xml.ToArray());
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        var document = XDocument.Load(reader);
        var methods = new Dictionary<string, Method>(StringComparer.Ordinal);
        foreach (var method in document.Descendants("method"))
        {
            var args = method.Elements("arg").ToList();
            var inArgs = args.Where(a => (string?)a.Attribute("direction") is null or "in").ToList();
            string name = (string)method.Attribute("name")!;
            methods[name] = new Method(
                name,
                string.Concat(inArgs.Select(a => (string)a.Attribute("type")!)),
                string.Concat(args.Where(a => (string?)a.Attribute("direction") == "out").Select(a => (string)a.Attribute("type")!)),
                inArgs.Count == 0 ? "no arguments" : "(" + string.Join(", ", inArgs.Select(a => $"{(string)a.Attribute("type")!} {(string?)a.Attribute("name")}")) + ")");
        }

        return new InterfaceContract(methods.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public Method? Find(string member) => _methods.GetValueOrDefault(member);

    /// <summary>Refuses a call whose arguments are not the declared ones, before anything is read from it.</summary>
    /// <exception cref="BusCallException">org.llmos.Error.InvalidInput, naming what the method takes.</exception>
    public static void CheckArguments(Method method, string? signature)
    {
        signature ??= "";
        if (signature != method.In)
        {
            string given = signature.Length == 0 ? "none" : $"({signature})";
            throw DBusErrors.InvalidInput($"{method.Name} takes {method.Arguments}, not {given}");
        }
    }
}

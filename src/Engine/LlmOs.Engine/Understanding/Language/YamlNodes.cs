using YamlDotNet.RepresentationModel;

namespace LlmOs.Engine.Understanding.Language;

/// <summary>Reading the YAML of a language file with the line of every problem (YamlDotNet's representation model keeps positions).</summary>
internal sealed class YamlNodes(string file)
{
    public string File => file;

    /// <summary>The document's top-level mapping; an empty file is an empty mapping.</summary>
    public YamlMappingNode Root(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new LanguagePackException(file, e.Start.Line, "not valid YAML: " + e.Message, e);
        }

        if (stream.Documents.Count == 0)
        {
            return [];
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Error(stream.Documents[0].RootNode, "expected a mapping at the top");
    }

    public YamlMappingNode? Mapping(YamlMappingNode parent, string key) => parent.Children.TryGetValue(key, out var node)
        ? IsNull(node) ? null : node as YamlMappingNode ?? throw Error(node, $"'{key}' must be a mapping")
        : null;

    public YamlSequenceNode? Sequence(YamlMappingNode parent, string key) => parent.Children.TryGetValue(key, out var node)
        ? IsNull(node) ? null : node as YamlSequenceNode ?? throw Error(node, $"'{key}' must be a list")
        : null;

    public string? Scalar(YamlMappingNode parent, string key) => parent.Children.TryGetValue(key, out var node)
        ? IsNull(node) ? null : Scalar(node, key)
        : null;

    public string Scalar(YamlNode node, string what) =>
        (node as YamlScalarNode)?.Value ?? throw Error(node, $"'{what}' must be a plain value");

    public IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode mapping)
    {
        foreach (var (key, value) in mapping.Children)
        {
            yield return (Scalar(key, "key"), value);
        }
    }

    public LanguagePackException Error(YamlNode node, string message) => new(file, node.Start.Line, message);

    private static bool IsNull(YamlNode node) => node is YamlScalarNode { Value: null or "" or "~" or "null" } scalar && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain;
}

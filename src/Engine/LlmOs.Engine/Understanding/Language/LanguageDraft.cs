using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Slots;
using YamlDotNet.RepresentationModel;

namespace LlmOs.Engine.Understanding.Language;

/// <summary>
/// One language while its files are read, directory after directory. Each Apply method validates a whole file
/// before changing anything, so a file that fails leaves the language as it was.
/// </summary>
internal sealed class LanguageDraft(string code)
{
    public string Code => code;

    public string? Name { get; set; }

    public List<IntentDraft> Intents { get; } = [];

    public Dictionary<string, string> Rules { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<ListEntry>> Lists { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Responses { get; } = new(StringComparer.Ordinal);

    /// <summary>The text of every words.yaml applied so far, earliest first.</summary>
    private readonly List<string> _words = [];

    /// <summary>The words of <see cref="_words"/>, read and checked when the last file was applied.</summary>
    private LanguageWords? _readWords;

    public IntentDraft? Find(string name) => Intents.Find(i => i.Name == name);

    /// <summary>lists.yaml: <c>lists: {name: [{spoken|in, value|out, label}, "plain word", …]}</c>; entries add to a list, a same spoken form replaces.</summary>
    public void ApplyLists(YamlNodes yaml, YamlMappingNode root)
    {
        var staged = new List<(string List, ListEntry Entry)>();
        foreach (var (name, node) in yaml.Entries(yaml.Mapping(root, "lists") ?? []))
        {
            var values = node is YamlMappingNode { } holder ? yaml.Sequence(holder, "values") : node as YamlSequenceNode;
            if (values is null)
            {
                throw yaml.Error(node, $"list '{name}' must be a list of entries");
            }

            foreach (var item in values)
            {
                staged.Add((name, ReadEntry(yaml, item)));
            }
        }

        foreach (var (list, entry) in staged)
        {
            if (!Lists.TryGetValue(list, out var entries))
            {
                Lists[list] = entries = [];
            }

            entries.RemoveAll(e => e.Spoken == entry.Spoken);
            entries.Add(entry);
        }
    }

    /// <summary>responses.yaml: a flat map of reply key to sentence; a later file's key replaces.</summary>
    public void ApplyResponses(YamlNodes yaml, YamlMappingNode root)
    {
        var staged = yaml.Entries(root).Select(e => (e.Key, Value: yaml.Scalar(e.Value, e.Key))).ToList();
        foreach (var (key, value) in staged)
        {
            Responses[key] = value;
        }
    }

    /// <summary>
    /// words.yaml: read together with the files before it (<see cref="LanguageWords.FromYaml(IEnumerable{string})"/>
    /// merges them: lists join, a later value for a word wins), so an unknown key or a bad value is found here, where
    /// the loader can skip a user's file, rather than when the pack is built.
    /// </summary>
    public void ApplyWords(string file, string text)
    {
        try
        {
            _readWords = LanguageWords.FromYaml([.. _words, text]);
        }
        catch (InvalidDataException e)
        {
            long line = e.InnerException is YamlDotNet.Core.YamlException yaml ? yaml.Start.Line : 0;
            throw new LanguagePackException(file, line, e.Message, e);
        }

        _words.Add(text);
    }

    public LanguagePack Build() => new()
    {
        Code = code,
        Name = Name ?? code,
        Intents = [.. Intents.Select(i => new CatalogIntent(
            i.Name,
            IntentSource.Builtin,
            new Dictionary<string, string>(i.Slots, StringComparer.Ordinal),
            [.. i.Templates],
            [.. i.Examples],
            i.Description) { NeedsImage = i.NeedsImage })],
        Lists = Lists.ToDictionary(l => l.Key, l => (IReadOnlyList<ListEntry>)[.. l.Value], StringComparer.Ordinal),
        Responses = new Dictionary<string, string>(Responses, StringComparer.Ordinal),
        Words = _readWords ?? LanguageWords.FromYaml([]),
    };

    private static ListEntry ReadEntry(YamlNodes yaml, YamlNode item)
    {
        if (item is YamlScalarNode)
        {
            string word = yaml.Scalar(item, "entry").Trim();
            return new ListEntry(word.ToLowerInvariant(), word, word);
        }

        if (item is not YamlMappingNode entry)
        {
            throw yaml.Error(item, "a list entry must be a word or {spoken, value, label}");
        }

        string spoken = (yaml.Scalar(entry, "spoken") ?? yaml.Scalar(entry, "in") ?? throw yaml.Error(item, "a list entry needs 'spoken' (or 'in')")).Trim();
        string value = yaml.Scalar(entry, "value") ?? yaml.Scalar(entry, "out") ?? spoken;
        string label = yaml.Scalar(entry, "label") ?? spoken;
        return new ListEntry(spoken.ToLowerInvariant(), value, label);
    }
}

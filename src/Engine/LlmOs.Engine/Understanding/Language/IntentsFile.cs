using LlmOs.Engine.Understanding.Templates;
using YamlDotNet.RepresentationModel;

namespace LlmOs.Engine.Understanding.Language;

/// <summary>
/// Reads an intents.yaml into a language: <c>name</c>, <c>rules</c> (shared template pieces) and <c>intents</c>, each
/// with <c>description</c>, <c>slots</c> (name: type), <c>templates</c>, <c>examples</c> and, for an intent about an
/// attached image, <c>needs_image: true</c> (see <see cref="Catalog.CatalogIntent.NeedsImage"/>). A new intent is added; an
/// existing one gains the file's slots, templates and examples. Everything is checked first: each template parses,
/// names only known rules and declared slots, and every slot type is one the parsers know.
/// </summary>
internal static class IntentsFile
{
    public static void Apply(LanguageDraft language, YamlNodes yaml, YamlMappingNode root)
    {
        var rules = new Dictionary<string, string>(language.Rules, StringComparer.Ordinal);
        foreach (var (name, body) in yaml.Entries(yaml.Mapping(root, "rules") ?? []))
        {
            string text = yaml.Scalar(body, name);
            Check(yaml, body, text, rules: null);
            rules[name] = text;
        }

        var staged = new List<IntentDraft>();
        foreach (var (name, node) in yaml.Entries(yaml.Mapping(root, "intents") ?? []))
        {
            staged.Add(ReadIntent(language, yaml, rules, name, node as YamlMappingNode ?? throw yaml.Error(node, $"intent {name} must be a mapping")));
        }

        language.Name = yaml.Scalar(root, "name") ?? language.Name;
        foreach (var (name, body) in rules)
        {
            language.Rules[name] = body;
        }

        foreach (var draft in staged)
        {
            var target = language.Find(draft.Name);
            if (target is null)
            {
                language.Intents.Add(draft);
                continue;
            }

            target.Description = draft.Description ?? target.Description;
            target.NeedsImage |= draft.NeedsImage;
            foreach (var (slot, type) in draft.Slots)
            {
                target.Slots[slot] = type;
            }

            target.Templates.AddRange(draft.Templates);
            target.Examples.AddRange(draft.Examples);
        }
    }

    private static IntentDraft ReadIntent(LanguageDraft language, YamlNodes yaml, Dictionary<string, string> rules, string name, YamlMappingNode node)
    {
        var existing = language.Find(name);
        var draft = new IntentDraft(name) { Description = yaml.Scalar(node, "description"), NeedsImage = NeedsImage(yaml, node, name) };
        var slots = new Dictionary<string, string>(existing?.Slots ?? [], StringComparer.Ordinal);
        foreach (var (slot, typeNode) in yaml.Entries(yaml.Mapping(node, "slots") ?? []))
        {
            string type = yaml.Scalar(typeNode, slot).Trim();
            if (!TemplateCompiler.IsKnownType(type))
            {
                throw yaml.Error(typeNode, $"intent {name}: slot '{slot}' has unknown type '{type}'");
            }

            slots[slot] = type;
            draft.Slots[slot] = type;
        }

        foreach (var item in yaml.Sequence(node, "templates") ?? [])
        {
            string template = yaml.Scalar(item, "template");
            var root = Check(yaml, item, template, rules);
            foreach (string slot in SlotNames(root))
            {
                if (!slots.ContainsKey(slot))
                {
                    throw yaml.Error(item, $"intent {name}: template \"{template}\" uses slot {{{slot}}}, which the intent does not declare in 'slots'");
                }
            }

            draft.Templates.Add(TemplateRules.Expand(template, rules));
        }

        foreach (var item in yaml.Sequence(node, "examples") ?? [])
        {
            draft.Examples.Add(yaml.Scalar(item, "example"));
        }

        return draft;
    }

    private static bool NeedsImage(YamlNodes yaml, YamlMappingNode node, string name) => yaml.Scalar(node, "needs_image")?.Trim() switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw yaml.Error(node, $"intent {name}: needs_image is true or false"),
    };

    /// <summary>Parses a template (rules expanded when given) and reports a syntax error at the template's line.</summary>
    private static TemplateNode Check(YamlNodes yaml, YamlNode node, string template, Dictionary<string, string>? rules)
    {
        try
        {
            var tree = TemplateParser.Parse(template);
            return rules is null ? tree : TemplateParser.Parse(TemplateRules.Expand(template, rules));
        }
        catch (TemplateSyntaxException e)
        {
            throw yaml.Error(node, e.Message);
        }
        catch (ArgumentException e)
        {
            throw yaml.Error(node, $"template \"{template}\": {e.Message}");
        }
    }

    private static IEnumerable<string> SlotNames(TemplateNode node) => node switch
    {
        SlotNode slot => [slot.Name],
        SequenceNode sequence => sequence.Items.SelectMany(SlotNames),
        AlternativesNode alternatives => alternatives.Options.SelectMany(SlotNames),
        _ => [],
    };
}

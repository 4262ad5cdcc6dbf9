using System.Buffers;
using System.Text;
using System.Text.Json;
using LlmOs.Engine.Generation.Grammar;
using LlmOs.Engine.Understanding.Catalog;

namespace LlmOs.Engine.Understanding.LanguageModel;

/// <summary>
/// What the language model is told about one catalog: a system message listing the intents (name, slots,
/// description) and a GBNF grammar that admits only <c>{"intent": one of them or "chat", "slots": {…}}</c>, where
/// each intent's branch allows just its own slots, as short strings. Built once per catalog instance.
/// </summary>
internal sealed class IntentChoicePrompt
{
    /// <summary>The longest slot value the grammar lets the model write: long enough for a reminder's text, short enough to end.</summary>
    public const int MaxSlotLength = 40;

    private IntentChoicePrompt(string system, string grammar)
    {
        System = system;
        Grammar = grammar;
    }

    public string System { get; }

    public string Grammar { get; }

    public static IntentChoicePrompt For(IntentCatalog catalog)
    {
        var intents = Distinct(catalog);
        var system = new StringBuilder()
            .Append("Sort the user's request into one of these intents. Answer with JSON only: the intent's name and the slot values ")
            .Append("the request states, in its own words. Use \"").Append(IntentUnderstanding.ChatIntent)
            .Append("\" when no intent fits (questions, conversation, anything else).\nIntents:\n");
        foreach (var intent in intents)
        {
            system.Append("- ").Append(intent.Name);
            if (intent.Slots.Count > 0)
            {
                system.Append(" (").AppendJoin(", ", intent.Slots.Select(s => $"{s.Key}: {s.Value}")).Append(')');
            }

            if (!string.IsNullOrWhiteSpace(intent.Description))
            {
                system.Append(": ").Append(intent.Description.Trim());
            }

            system.Append('\n');
        }

        system.Append("- ").Append(IntentUnderstanding.ChatIntent).Append(": anything else");
        using var schema = JsonDocument.Parse(Schema(intents));
        return new IntentChoicePrompt(system.ToString(), JsonSchemaGrammar.ToGbnf(schema.RootElement));
    }

    /// <summary>
    /// Each intent name once (an app's intent of a built-in's name is the one <see cref="IntentCatalog.Find"/> gives), chat
    /// left out, and the intents about an attached image too: this stage never sees an image (<see cref="CatalogIntent.NeedsImage"/>).
    /// </summary>
    private static List<CatalogIntent> Distinct(IntentCatalog catalog)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { IntentUnderstanding.ChatIntent };
        var intents = new List<CatalogIntent>();
        foreach (var intent in catalog.Intents)
        {
            if (names.Add(intent.Name) && (catalog.Find(intent.Name) ?? intent) is { NeedsImage: false } found)
            {
                intents.Add(found);
            }
        }

        return intents;
    }

    /// <summary>One branch per intent, its name a constant and its slots optional strings; chat has no slots.</summary>
    private static byte[] Schema(List<CatalogIntent> intents)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("anyOf");
            foreach (var intent in intents)
            {
                Branch(json, intent.Name, intent.Slots.Keys);
            }

            Branch(json, IntentUnderstanding.ChatIntent, []);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Branch(Utf8JsonWriter json, string name, IEnumerable<string> slots)
    {
        json.WriteStartObject();
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        json.WriteStartObject("intent");
        json.WriteString("const", name);
        json.WriteEndObject();
        json.WriteStartObject("slots");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        foreach (string slot in slots)
        {
            json.WriteStartObject(slot);
            json.WriteString("type", "string");
            json.WriteNumber("maxLength", MaxSlotLength);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteBoolean("additionalProperties", false);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("required");
        json.WriteStringValue("intent");
        json.WriteStringValue("slots");
        json.WriteEndArray();
        json.WriteBoolean("additionalProperties", false);
        json.WriteEndObject();
    }
}

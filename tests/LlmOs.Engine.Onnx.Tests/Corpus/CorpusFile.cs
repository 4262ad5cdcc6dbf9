using System.Text.Json;

namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>
/// Reads a corpus file (beside the test assembly under <c>Corpus/</c>): lines of utterance, intent and slots as a JSON
/// object, separated by tabs; lines starting with <c>#</c> and blank lines are comments.
/// </summary>
public static class CorpusFile
{
    public const string Tune = "tune";
    public const string Heldout = "heldout";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Corpus", name);

    public static IReadOnlyList<CorpusRow> Load(string name, string split, string language)
    {
        var rows = new List<CorpusRow>();
        int number = 0;
        foreach (string line in File.ReadLines(PathOf(name)))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length is < 2 or > 3 || fields[0].Trim().Length == 0 || fields[1].Trim().Length == 0)
            {
                throw new FormatException($"{name}:{number}: expected 'utterance<TAB>intent<TAB>slots', got '{line}'");
            }

            var slots = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (fields.Length == 3 && fields[2].Trim().Length > 0)
            {
                using var json = JsonDocument.Parse(fields[2]);
                foreach (var slot in json.RootElement.EnumerateObject())
                {
                    slots[slot.Name] = slot.Value.Clone();
                }
            }

            rows.Add(new CorpusRow(name, number, split, language, fields[0], fields[1].Trim(), slots));
        }

        return rows;
    }
}

using System.Globalization;
using System.Text.Json;

namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>
/// Whether a recogniser's slots match a row's expected ones. Only the slots the row lists are checked. Numbers (a
/// duration's seconds, a percentage) compare as numbers; <c>when</c> is a <see cref="CorpusClock"/> spec compared with
/// the ISO string exactly; every other string compares word by word, case-insensitively, with punctuation trimmed from
/// the ends of each word (so "Call Anna." matches "call anna", while "15%" and "12:30" keep their inner signs).
/// </summary>
public static class SlotExpectation
{
    /// <summary>The slot that holds a time spec in the corpus files.</summary>
    public const string TimeSlot = "when";

    private static readonly char[] Punctuation = ['.', ',', '!', '?', ';', ':', '"', '\'', '(', ')', '¿', '¡', '“', '”', '‘', '’', '…'];

    /// <summary>Null when every expected slot matches, else what differed ("when: expected … got …").</summary>
    public static string? Mismatch(IReadOnlyDictionary<string, JsonElement> expected, IReadOnlyDictionary<string, object> actual)
    {
        var problems = new List<string>();
        foreach (var (name, want) in expected)
        {
            if (!actual.TryGetValue(name, out var got))
            {
                problems.Add($"{name}: expected {Show(name, want)}, missing");
            }
            else if (!Matches(name, want, got))
            {
                problems.Add($"{name}: expected {Show(name, want)}, got {Show(got)}");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static bool Matches(string name, JsonElement want, object got) => want.ValueKind switch
    {
        JsonValueKind.Number => AsNumber(got) is double number && Math.Abs(number - want.GetDouble()) < 1e-9,
        JsonValueKind.String when name == TimeSlot => got is string text && text == CorpusClock.Resolve(want.GetString()!),
        JsonValueKind.String => got is string text && Words(text) == Words(want.GetString()!),
        _ => throw new FormatException($"slot '{name}': expected values are numbers or strings, not {want.ValueKind}"),
    };

    private static double? AsNumber(object value) => value switch
    {
        long l => l,
        int i => i,
        double d => d,
        float f => f,
        decimal m => (double)m,
        _ => null,
    };

    private static string Words(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(Punctuation).ToLowerInvariant())
            .Where(w => w.Length > 0));

    private static string Show(string name, JsonElement want) =>
        name == TimeSlot && want.ValueKind == JsonValueKind.String ? $"{want.GetString()} ({CorpusClock.Resolve(want.GetString()!)})" : want.GetRawText();

    private static string Show(object got) => got switch
    {
        string s => $"\"{s}\"",
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({got.GetType().Name})",
        _ => got.ToString() ?? "null",
    };
}

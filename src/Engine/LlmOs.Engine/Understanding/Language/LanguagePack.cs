using System.Text;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Understanding.Language;

/// <summary>
/// One language as data (see <see cref="LanguageCatalog"/> for where it is loaded from): the built-in intents'
/// templates and examples, its lists (languages, directions), its number and time words, and the reply sentences
/// the skills answer with.
/// </summary>
public sealed class LanguagePack
{
    /// <summary>The language code, <c>en</c>, <c>es</c>.</summary>
    public required string Code { get; init; }

    /// <summary>The language's own name for itself, for listings.</summary>
    public required string Name { get; init; }

    /// <summary>The built-in intents in this language.</summary>
    public required IReadOnlyList<CatalogIntent> Intents { get; init; }

    /// <summary>Slot lists by name (<c>language</c>, <c>direction</c>).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ListEntry>> Lists { get; init; }

    /// <summary>Reply sentences by key (<c>timer.set</c>), with <c>{name}</c> placeholders.</summary>
    public required IReadOnlyDictionary<string, string> Responses { get; init; }

    public required LanguageWords Words { get; init; }

    /// <summary>Lower-cases, strips punctuation and filler, and splits into words (keeping "12:30", "2.5" and "50%" whole).</summary>
    public Utterance Normalize(string text) => TextNormalizer.Normalize(text, Words);

    /// <summary>
    /// The reply sentence <paramref name="key"/> with its placeholders filled. A key this language lacks gives the
    /// key itself, so a half-translated language still answers.
    /// </summary>
    public string Respond(string key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        if (!Responses.TryGetValue(key, out var sentence))
        {
            return key;
        }

        // One pass over the sentence: a value that itself holds "{name}" (a reminder's text) is never filled in again.
        var text = new StringBuilder(sentence.Length + 32);
        int at = 0;
        while (at < sentence.Length)
        {
            int open = sentence.IndexOf('{', at);
            int close = open < 0 ? -1 : sentence.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            text.Append(sentence, at, open - at);
            var name = sentence.AsSpan(open + 1, close - open - 1);
            string? value = null;
            foreach (var (n, v) in values)
            {
                if (name.SequenceEqual(n))
                {
                    value = v;
                    break;
                }
            }

            text.Append(value ?? sentence.Substring(open, close - open + 1));
            at = close + 1;
        }

        return text.Append(sentence, at, sentence.Length - at).ToString();
    }
}

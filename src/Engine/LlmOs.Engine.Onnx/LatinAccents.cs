namespace LlmOs.Engine.Onnx;

/// <summary>
/// Strips accents from the Latin letters of U+00C0-U+017F (é → e, Å → A, ł stays ł), as BERT's uncased tokenizer does
/// with NFD and removing non-spacing marks. Hand-written because llmos runs with invariant globalization (no ICU), where
/// <see cref="string.Normalize()"/> decomposes nothing, so BertTokenizer's own accent stripping turns "café" into [UNK].
/// Combining marks written as their own characters ("e\u0301") are still removed by the tokenizer itself.
/// </summary>
internal static class LatinAccents
{
    private const char First = '\u00C0';
    private const char Last = '\u017F';

    // Generated from Unicode's canonical decompositions (.NET with ICU 72): each letter is its base letter when it
    // decomposes into that letter plus non-spacing marks, else itself (Æ, Ø, ß, Đ, Ł, ĸ, ...).
    private const string Bases =
        "AAAAAA\u00C6CEEEEIIII\u00D0NOOOOO\u00D7\u00D8UUUUY\u00DE\u00DFaaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00F7\u00F8uuuuy\u00FEy" +
        "AaAaAaCcCcCcCcDd\u0110\u0111EeEeEeEeEeGgGgGgGgHh\u0126\u0127IiIiIiIiI\u0131\u0132\u0133JjKk\u0138LlLlLl\u013F" +
        "\u0140\u0141\u0142NnNnNn\u0149\u014A\u014BOoOoOo\u0152\u0153RrRrRrSsSsSsSsTtTt\u0166\u0167UuUuUuUuUuUuWwYyYZzZzZz\u017F";

    public static string Fold(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange(First, Last) < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (folded, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                folded[i] = c is >= First and <= Last ? Bases[c - First] : c;
            }
        });
    }
}

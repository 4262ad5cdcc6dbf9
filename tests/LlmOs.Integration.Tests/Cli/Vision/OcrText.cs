namespace LlmOs.Integration.Tests.Cli.Vision;

/// <summary>How far what OCR read is from the text that was drawn (the drawing is <c>Vision.Pictures.TextPng</c>).</summary>
internal static class OcrText
{
    /// <summary>The number of single-character edits between <paramref name="read"/> and <paramref name="drawn"/>, whitespace runs counted as one space.</summary>
    public static int EditDistance(string read, IReadOnlyList<string> drawn)
    {
        string a = Normalise(read);
        string b = Normalise(string.Join('\n', drawn));
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

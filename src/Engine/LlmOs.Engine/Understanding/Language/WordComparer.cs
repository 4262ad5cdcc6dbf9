namespace LlmOs.Engine.Understanding.Language;

/// <summary>
/// Compares lower-case words with the accents of Latin letters optional, so "miercoles" finds "miércoles" and
/// "manana" finds "mañana": people often type without accents. Hand-written because the machine runs without ICU
/// (InvariantGlobalization), where Unicode decomposition is not available to strip them; the table covers the
/// Latin-1 and Latin Extended-A letters the shipped languages use.
/// </summary>
public sealed class WordComparer : IEqualityComparer<string>
{
    public static readonly WordComparer Instance = new();

    private WordComparer()
    {
    }

    public bool Equals(string? x, string? y) => x is null || y is null ? ReferenceEquals(x, y) : SpanEquals(x, y);

    public int GetHashCode(string obj)
    {
        var hash = default(HashCode);
        foreach (char c in obj)
        {
            hash.Add(Fold(c));
        }

        return hash.ToHashCode();
    }

    /// <summary>Whether two words are the same once accents are dropped.</summary>
    public static bool SpanEquals(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        if (x.Length != y.Length)
        {
            return false;
        }

        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] != y[i] && Fold(x[i]) != Fold(y[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The letter without its accent (lower case in, lower case out).</summary>
    public static char Fold(char c) => c switch
    {
        < '\u00C0' => c,
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => 'a',
        'ç' => 'c',
        'è' or 'é' or 'ê' or 'ë' => 'e',
        'ì' or 'í' or 'î' or 'ï' => 'i',
        'ñ' => 'n',
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' => 'o',
        'ù' or 'ú' or 'û' or 'ü' => 'u',
        'ý' or 'ÿ' => 'y',
        _ => c,
    };
}

namespace LlmOs.Engine.Pocketsphinx;

/// <summary>Reads the words of a CMU-style pronunciation dictionary ("word PH ON ES", alternates as "word(2) ...").</summary>
internal static class PronunciationDictionary
{
    public static HashSet<string> Words(string path)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(path))
        {
            int end = line.IndexOfAny([' ', '\t', '(']);
            if (end > 0)
            {
                words.Add(line[..end]);
            }
        }

        return words;
    }
}

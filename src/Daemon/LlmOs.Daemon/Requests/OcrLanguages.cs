namespace LlmOs.Daemon.Requests;

/// <summary>
/// Text recognition languages as clients say them and as tesseract names them: ISO 639-1 codes and locales ("en",
/// "es_ES.UTF-8") become tesseract's names ("eng", "spa"); tesseract's own names ("eng", "chi_sim", "eng+spa") pass as they are.
/// </summary>
internal static class OcrLanguages
{
    public const int MaxLength = 64;

    /// <summary>ISO 639-1 code → tesseract's name (its traineddata file), for the languages Debian packages.</summary>
    private static readonly Dictionary<string, string> FromIso6391 =
        """
        ar=ara bg=bul ca=cat cs=ces da=dan de=deu el=ell en=eng es=spa et=est eu=eus fa=fas fi=fin fr=fra ga=gle gl=glg
        he=heb hi=hin hr=hrv hu=hun id=ind is=isl it=ita ja=jpn ko=kor lt=lit lv=lav nb=nor nl=nld nn=nor no=nor pl=pol
        pt=por ro=ron ru=rus sk=slk sl=slv sr=srp sv=swe th=tha tr=tur uk=ukr vi=vie zh=chi_sim
        """
        .Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(pair => pair.Split('='))
        .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Tesseract's name for <paramref name="language"/> (several joined by '+' as tesseract takes them: "en+es" is
    /// "eng+spa"), or null when it cannot be one (empty, too long, an unknown two-letter code, characters no language
    /// name has). Whether it is installed is the OCR engine's to say.
    /// </summary>
    public static string? ToTesseract(string language)
    {
        if (language.Length is 0 or > MaxLength)
        {
            return null;
        }

        // A locale is its language part: "es_ES.UTF-8", "pt-BR", "de_DE@euro".
        int cut = language.IndexOfAny(['.', '@']);
        string name = cut >= 0 ? language[..cut] : language;
        if (name.Length == 5 && name[2] is '_' or '-' && char.IsAsciiLetter(name[0]) && char.IsAsciiLetter(name[1])
            && char.IsAsciiLetterUpper(name[3]) && char.IsAsciiLetterUpper(name[4]))
        {
            name = name[..2];
        }

        var parts = name.Split('+');
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part.Length == 2)
            {
                if (!FromIso6391.TryGetValue(part, out var mapped))
                {
                    return null;
                }

                parts[i] = mapped;
            }
            else if (part.Length < 3 || !part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return null;
            }
        }

        return string.Join('+', parts);
    }
}

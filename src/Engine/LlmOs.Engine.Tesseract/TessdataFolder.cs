namespace LlmOs.Engine.Tesseract;

/// <summary>Where tesseract's language data lives and which languages it holds.</summary>
public static class TessdataFolder
{
    /// <summary>Debian 12's tesseract 5 (package tesseract-ocr-eng and its siblings).</summary>
    public const string DebianDefault = "/usr/share/tesseract-ocr/5/tessdata";

    private const string Extension = ".traineddata";

    /// <summary>
    /// The folder to load from: the configured one, else <c>TESSDATA_PREFIX</c>, else Debian's. tesseract 4 and later
    /// want the folder that holds the traineddata files, 3.x wanted its parent; older setups still name the parent, so a
    /// folder whose <c>tessdata</c> child holds the languages (and itself holds none) means that child.
    /// </summary>
    public static string Resolve(string? configured, string? tessdataPrefix)
    {
        string folder = !string.IsNullOrWhiteSpace(configured) ? configured
            : !string.IsNullOrWhiteSpace(tessdataPrefix) ? tessdataPrefix
            : DebianDefault;
        string child = Path.Combine(folder, "tessdata");
        return Languages(folder).Count == 0 && Languages(child).Count > 0 ? child : folder;
    }

    /// <summary>
    /// The recognition languages in <paramref name="folder"/>, sorted: each <c>NAME.traineddata</c> but <c>osd</c>
    /// (orientation and script detection data, which reads no text). A missing folder has none.
    /// </summary>
    public static IReadOnlyList<string> Languages(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        try
        {
            return Directory.EnumerateFiles(folder, "*" + Extension)
                .Select(path => Path.GetFileName(path)[..^Extension.Length])
                .Where(name => name.Length > 0 && name != "osd")
                .Order(StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}

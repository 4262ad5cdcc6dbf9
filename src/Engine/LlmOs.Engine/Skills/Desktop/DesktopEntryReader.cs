using System.Text;

namespace LlmOs.Engine.Skills.Desktop;

/// <summary>
/// Reads the <c>[Desktop Entry]</c> group of a <c>.desktop</c> file (freedesktop Desktop Entry spec: INI-like
/// lines, <c>Key[locale]=value</c>, <c>#</c> comments, <c>\s \n \t \r \\</c> escapes). Hand-written: the format is
/// a few lines of INI, and there is no well-kept .NET desktop-entry library; general INI readers do not know its
/// locale keys or escapes.
/// </summary>
public static class DesktopEntryReader
{
    /// <summary>Files larger than this are not desktop entries anyone wrote by hand or tool; they are skipped.</summary>
    public const int MaxFileBytes = 256 * 1024;

    /// <summary>The entry of a file, or null when it has no <c>[Desktop Entry]</c> group with a Name.</summary>
    public static DesktopEntry? Read(string id, TextReader reader)
    {
        bool inEntry = false;
        bool sawEntry = false;
        string? name = null;
        string? genericName = null;
        string? type = null;
        bool hidden = false;
        bool noDisplay = false;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var genericNames = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } raw)
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                if (sawEntry)
                {
                    break; // the spec: [Desktop Entry] comes first; later groups are actions
                }

                inEntry = line == "[Desktop Entry]";
                sawEntry = inEntry;
                continue;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (!inEntry || equals <= 0)
            {
                continue;
            }

            string key = line[..equals].TrimEnd();
            string value = Unescape(line[(equals + 1)..].TrimStart());
            var (baseKey, locale) = SplitLocale(key);
            switch (baseKey)
            {
                case "Name" when locale is null:
                    name ??= value;
                    break;
                case "Name":
                    names.TryAdd(locale!, value);
                    break;
                case "GenericName" when locale is null:
                    genericName ??= value;
                    break;
                case "GenericName":
                    genericNames.TryAdd(locale!, value);
                    break;
                case "Type" when locale is null:
                    type ??= value;
                    break;
                case "Hidden" when locale is null:
                    hidden = value == "true";
                    break;
                case "NoDisplay" when locale is null:
                    noDisplay = value == "true";
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        bool shown = type == "Application" && !hidden && !noDisplay;
        return new DesktopEntry(id, name.Trim(), string.IsNullOrWhiteSpace(genericName) ? null : genericName.Trim(), names, genericNames, shown);
    }

    /// <summary>"Name[es_ES@euro]" → ("Name", "es_ES") (the encoding and modifier do not matter for names said aloud).</summary>
    private static (string Key, string? Locale) SplitLocale(string key)
    {
        int open = key.IndexOf('[', StringComparison.Ordinal);
        if (open < 0 || !key.EndsWith(']'))
        {
            return (key, null);
        }

        string locale = key[(open + 1)..^1].Split('.', '@')[0];
        return (key[..open], locale.Length == 0 ? null : locale);
    }

    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 >= value.Length)
            {
                text.Append(value[i]);
                continue;
            }

            text.Append(value[++i] switch
            {
                's' => ' ',
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                char other => other,
            });
        }

        return text.ToString();
    }
}

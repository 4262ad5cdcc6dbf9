using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LlmOs.Engine.Generation.Grammar;

/// <summary>Spelling helpers for GBNF: quoted literals, rule names, and compact JSON for literal values.</summary>
internal static class GbnfText
{
    private static readonly JsonWriterOptions CompactJson = new()
    {
        Indented = false,
        // Non-ASCII text stays as it is (valid JSON); quotes, backslashes and control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A GBNF string literal that matches exactly <paramref name="text"/>.</summary>
    public static string Literal(string text)
    {
        var literal = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': literal.Append("\\\""); break;
                case '\\': literal.Append("\\\\"); break;
                case '\n': literal.Append("\\n"); break;
                case '\r': literal.Append("\\r"); break;
                case '\t': literal.Append("\\t"); break;
                case < ' ' or '\x7F': literal.Append("\\x").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: literal.Append(c); break;
            }
        }

        return literal.Append('"').ToString();
    }

    /// <summary>The value as compact JSON text, the way a grammar literal spells it.</summary>
    public static string CompactJsonOf(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CompactJson))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A JSON string literal (with its quotes) for <paramref name="text"/>.</summary>
    public static string JsonString(string text) =>
        "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"";

    /// <summary>A rule name made of what GBNF allows (letters, digits, dashes).</summary>
    public static string RuleName(string hint)
    {
        var name = new StringBuilder(hint.Length);
        foreach (char c in hint)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        string cleaned = name.ToString().Trim('-');
        return cleaned.Length == 0 ? "rule" : cleaned;
    }
}

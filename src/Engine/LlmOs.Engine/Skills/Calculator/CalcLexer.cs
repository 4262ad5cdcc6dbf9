using System.Text;

namespace LlmOs.Engine.Skills.Calculator;

/// <summary>
/// Splits an expression as typed into lexemes: numbers in invariant form ("1,000.5" → "1000.5"), operator signs
/// (× ÷ − become * / -), and lower-cased words. Punctuation that means nothing ("?", "=") is dropped; any other
/// sign makes the expression invalid.
/// </summary>
internal static class CalcLexer
{
    public static List<string> Split(string text, char decimalSeparator)
    {
        var lexemes = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c) || (c is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                lexemes.Add(ReadNumber(text, ref i, decimalSeparator));
                continue;
            }

            if (char.IsLetter(c))
            {
                int start = i;
                while (i < text.Length && (char.IsLetter(text[i]) || (text[i] is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                {
                    i++;
                }

                lexemes.Add(text[start..i].Replace('’', '\'').ToLowerInvariant());
                continue;
            }

            // A hyphen inside words joins them ("twenty-five"), it is no minus.
            if (c == '-' && i > 0 && char.IsLetter(text[i - 1]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                i++;
                continue;
            }

            i++;
            switch (c)
            {
                case '+' or '-' or '*' or '/' or '^' or '(' or ')' or '%':
                    lexemes.Add(c.ToString());
                    break;
                case '×' or '·':
                    lexemes.Add("*");
                    break;
                case '÷' or ':':
                    lexemes.Add("/");
                    break;
                case '−' or '–':
                    lexemes.Add("-");
                    break;
                case '√' or '²' or '³':
                    lexemes.Add(c.ToString());
                    break;
                case '[' or '{':
                    lexemes.Add("(");
                    break;
                case ']' or '}':
                    lexemes.Add(")");
                    break;
                case '?' or '!' or '=' or ',' or '.' or ';' or '"' or '\'' or '¿' or '¡':
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        throw new CalcException(CalcError.Invalid);
                    }

                    break;
            }
        }

        return lexemes;
    }

    /// <summary>
    /// A number with the language's decimal separator; the other separator groups thousands when exactly three digits
    /// follow it ("1,000" in English, "1.000" in Spanish), else it too is taken as the decimal point.
    /// </summary>
    private static string ReadNumber(string text, ref int i, char decimalSeparator)
    {
        var number = new StringBuilder();
        bool hasPoint = false;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c))
            {
                number.Append(c);
                i++;
                continue;
            }

            if (c is not ('.' or ',') || i + 1 >= text.Length || !char.IsAsciiDigit(text[i + 1]))
            {
                break;
            }

            int digitsAfter = 0;
            while (i + 1 + digitsAfter < text.Length && char.IsAsciiDigit(text[i + 1 + digitsAfter]))
            {
                digitsAfter++;
            }

            bool grouping = c != decimalSeparator && digitsAfter == 3 && number.Length > 0 && !hasPoint;
            if (!grouping)
            {
                if (hasPoint)
                {
                    throw new CalcException(CalcError.Invalid);
                }

                hasPoint = true;
                number.Append('.');
            }

            i++;
        }

        return number.Length > 0 && number[0] == '.' ? "0" + number : number.ToString();
    }
}

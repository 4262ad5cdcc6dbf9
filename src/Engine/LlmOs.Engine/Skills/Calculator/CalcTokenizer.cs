using System.Globalization;
using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Skills.Calculator;

/// <summary>
/// Turns an expression's lexemes into tokens: digits, then the language's operator phrases (longest first), then
/// number words through the slot parsers (<see cref="SlotParsers"/>, "twenty five"), then filler words, which are
/// dropped. A word that is none of these makes the expression invalid.
/// </summary>
internal static class CalcTokenizer
{
    /// <summary>The most characters an expression may have.</summary>
    public const int MaxLength = 300;

    /// <summary>The most tokens an expression may have.</summary>
    public const int MaxTokens = 100;

    public static List<CalcToken> Tokenize(string expression, SlotContext context)
    {
        if (expression.Length > MaxLength)
        {
            throw new CalcException(CalcError.TooLong);
        }

        var vocabulary = CalcVocabulary.For(context.Language);
        var lexemes = CalcLexer.Split(expression, vocabulary.DecimalSeparator);
        var tokens = new List<CalcToken>();
        int i = 0;
        while (i < lexemes.Count)
        {
            if (tokens.Count >= MaxTokens)
            {
                throw new CalcException(CalcError.TooLong);
            }

            string lexeme = lexemes[i];
            if (char.IsAsciiDigit(lexeme[0]))
            {
                tokens.Add(new CalcToken(CalcSymbol.Number, double.Parse(lexeme, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)));
                i++;
                continue;
            }

            var (symbol, length) = MatchPhrase(vocabulary, lexemes, i);
            if (symbol is { } op && op != CalcSymbol.Filler)
            {
                tokens.Add(new CalcToken(op));
                i += length;
                continue;
            }

            if (NumberWords(lexemes, i, context) is { } number)
            {
                tokens.Add(new CalcToken(CalcSymbol.Number, number.Value));
                i += number.Length;
                continue;
            }

            if (symbol == CalcSymbol.Filler)
            {
                i += length;
                continue;
            }

            tokens.Add(new CalcToken(Sign(lexeme)));
            i++;
        }

        return tokens;
    }

    private static (CalcSymbol? Symbol, int Length) MatchPhrase(CalcVocabulary vocabulary, List<string> lexemes, int start)
    {
        foreach (var (phrase, symbol) in vocabulary.Phrases)
        {
            if (start + phrase.Length > lexemes.Count)
            {
                continue;
            }

            bool all = true;
            for (int k = 0; k < phrase.Length && all; k++)
            {
                all = string.Equals(phrase[k], lexemes[start + k], StringComparison.Ordinal);
            }

            if (all)
            {
                return (symbol, phrase.Length);
            }
        }

        return (null, 0);
    }

    /// <summary>The longest number the slot parsers read in words at <paramref name="start"/>, or null.</summary>
    private static (double Value, int Length)? NumberWords(List<string> lexemes, int start, SlotContext context)
    {
        foreach (var match in SlotParsers.Parse(SlotTypes.Number, lexemes, start, context))
        {
            double? value = match.Value switch
            {
                double d => d,
                long l => l,
                int n => n,
                _ => null,
            };
            if (value is { } v && double.IsFinite(v) && match.Length > 0)
            {
                return (v, match.Length);
            }
        }

        return null;
    }

    private static CalcSymbol Sign(string lexeme) => lexeme switch
    {
        "+" => CalcSymbol.Plus,
        "-" => CalcSymbol.Minus,
        "*" => CalcSymbol.Times,
        "/" => CalcSymbol.Divide,
        "^" => CalcSymbol.Power,
        "(" => CalcSymbol.Open,
        ")" => CalcSymbol.Close,
        "%" => CalcSymbol.Percent,
        "√" => CalcSymbol.SquareRoot,
        "²" => CalcSymbol.Squared,
        "³" => CalcSymbol.Cubed,
        _ => throw new CalcException(CalcError.Invalid),
    };
}

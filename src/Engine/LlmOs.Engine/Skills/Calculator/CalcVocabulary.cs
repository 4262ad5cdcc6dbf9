using System.Runtime.CompilerServices;
using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Skills.Calculator;

/// <summary>
/// A language's calculator words (<c>calc.op.*</c> and <c>calc.filler</c> in its replies data, alternatives split by
/// "|"), as phrases of lexemes, longest first, and its decimal separator. Built once per language pack.
/// </summary>
internal sealed class CalcVocabulary
{
    private static readonly ConditionalWeakTable<LanguagePack, CalcVocabulary> Cache = [];

    private static readonly (string Key, CalcSymbol Symbol)[] Keys =
    [
        ("calc.op.plus", CalcSymbol.Plus),
        ("calc.op.minus", CalcSymbol.Minus),
        ("calc.op.times", CalcSymbol.Times),
        ("calc.op.divide", CalcSymbol.Divide),
        ("calc.op.percent_of", CalcSymbol.PercentOf),
        ("calc.op.percent", CalcSymbol.Percent),
        ("calc.op.power", CalcSymbol.Power),
        ("calc.op.squared", CalcSymbol.Squared),
        ("calc.op.cubed", CalcSymbol.Cubed),
        ("calc.op.sqrt", CalcSymbol.SquareRoot),
        ("calc.op.open", CalcSymbol.Open),
        ("calc.op.close", CalcSymbol.Close),
        ("calc.filler", CalcSymbol.Filler),
    ];

    private CalcVocabulary(LanguagePack language)
    {
        DecimalSeparator = language.Responses.TryGetValue("format.decimal_separator", out var separator) && separator.Length == 1 ? separator[0] : '.';
        var phrases = new List<(string[] Lexemes, CalcSymbol Symbol)>();
        foreach (var (key, symbol) in Keys)
        {
            if (!language.Responses.TryGetValue(key, out var alternatives))
            {
                continue;
            }

            foreach (string phrase in alternatives.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var lexemes = CalcLexer.Split(phrase, DecimalSeparator);
                if (lexemes.Count > 0)
                {
                    phrases.Add(([.. lexemes], symbol));
                }
            }
        }

        // Longest first, so "to the power of" wins over "to the", and an operator over a filler word of the same length.
        Phrases = [.. phrases.OrderByDescending(p => p.Lexemes.Length).ThenBy(p => p.Symbol == CalcSymbol.Filler)];
    }

    public char DecimalSeparator { get; }

    public IReadOnlyList<(string[] Lexemes, CalcSymbol Symbol)> Phrases { get; }

    public static CalcVocabulary For(LanguagePack language) => Cache.GetValue(language, static l => new CalcVocabulary(l));
}

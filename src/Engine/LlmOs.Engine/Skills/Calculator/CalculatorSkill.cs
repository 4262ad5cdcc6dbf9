using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Skills.Calculator;

/// <summary>
/// <c>calc.evaluate</c> [expression]: arithmetic said in words or signs ("12 times 7", "15% of 80", "(2+3)*4"),
/// with the operator words of the language's data. The tokenizer and parser are hand-written: expression libraries
/// for .NET (NCalc, DataTable.Compute) evaluate far more than arithmetic and know no spoken operator words, and
/// this one stays small and bounded (length, token count, nesting).
/// </summary>
public sealed class CalculatorSkill : ISkill
{
    public IReadOnlyList<string> Intents { get; } = ["calc.evaluate"];

    public bool UsesLanguageModel => false;

    public Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        string? expression = SkillSlots.Text(request.Invocation, "expression")?.TrimEnd('?', '!', '.', '=', ' ');
        if (string.IsNullOrWhiteSpace(expression))
        {
            return Reply(language.Respond("calc.ask"));
        }

        try
        {
            var tokens = CalcTokenizer.Tokenize(expression, request.Context);
            if (tokens.Count == 0)
            {
                return Reply(language.Respond("calc.ask"));
            }

            double value = CalcParser.Evaluate(tokens);
            string result = CalcResultFormat.Format(value, CalcVocabulary.For(language).DecimalSeparator);
            return Reply(language.Respond("calc.result", ("expression", expression), ("result", result)));
        }
        catch (CalcException e)
        {
            string key = e.Error switch
            {
                CalcError.DivisionByZero => "calc.division_by_zero",
                CalcError.TooLarge => "calc.too_large",
                CalcError.TooLong => "calc.too_long",
                CalcError.NegativeRoot => "calc.negative_root",
                _ => "calc.invalid",
            };
            string shown = expression.Length > 80 ? expression[..80] + "…" : expression;
            return Reply(language.Respond(key, ("expression", shown)));
        }
    }

    private static Task<IntentReply> Reply(string text) => Task.FromResult(new IntentReply(text));
}

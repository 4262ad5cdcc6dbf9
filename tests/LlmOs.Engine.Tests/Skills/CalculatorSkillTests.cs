using LlmOs.Engine.Skills.Calculator;

namespace LlmOs.Engine.Tests.Skills;

public sealed class CalculatorSkillTests
{
    private readonly CalculatorSkill _skill = new();

    private async Task<string> Evaluate(string expression, Understanding.Language.LanguagePack? language = null) =>
        (await SkillRequests.RunAsync(_skill, SkillRequests.For("calc.evaluate", new() { ["expression"] = expression }, language))).Text;

    [Theory]
    [InlineData("12 times 7", "84")]
    [InlineData("15% of 80", "12")]
    [InlineData("15 percent of 80", "12")]
    [InlineData("(2+3)*4", "20")]
    [InlineData("2 to the power of 10", "1024")]
    [InlineData("square root of 16", "4")]
    [InlineData("the square root of 2", "1.414213562")]
    [InlineData("2 + 3 * 4", "14")]
    [InlineData("2 plus 3 times 4", "14")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("2^3^2", "512")]
    [InlineData("-2^2", "-4")]
    [InlineData("7 divided by 2", "3.5")]
    [InlineData("1/3", "0.3333333333")]
    [InlineData("what is 12 x 7?", "84")]
    [InlineData("12×7", "84")]
    [InlineData("1,000 + 1", "1001")]
    [InlineData("3 squared", "9")]
    [InlineData("2 cubed minus 1", "7")]
    [InlineData("2(3+4)", "14")]
    [InlineData("10 over 4", "2.5")]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("50%", "0.5")]
    [InlineData("1e", null)]
    public async Task Evaluates_words_and_signs_with_precedence(string expression, string? expected)
    {
        string reply = await Evaluate(expression);
        Assert.Equal(expected is null ? $"Sorry, I couldn't work out \"{expression}\"." : $"{expression.TrimEnd('?')} is {expected}.", reply);
    }

    [Theory]
    [InlineData("5 / 0", "I can't divide by zero.")]
    [InlineData("1 divided by (2 - 2)", "I can't divide by zero.")]
    [InlineData("10^400", "The result is too large for me.")]
    [InlineData("square root of -4", "I can't take the square root of a negative number.")]
    [InlineData("2 +", "Sorry, I couldn't work out \"2 +\".")]
    [InlineData("(2 + 3", "Sorry, I couldn't work out \"(2 + 3\".")]
    [InlineData("hello world", "Sorry, I couldn't work out \"hello world\".")]
    [InlineData("2 $ 3", "Sorry, I couldn't work out \"2 $ 3\".")]
    [InlineData("1.2.3 + 1", "Sorry, I couldn't work out \"1.2.3 + 1\".")]
    [InlineData("what is", "What should I calculate?")]
    [InlineData("  ", "What should I calculate?")]
    public async Task Impossible_and_garbage_expressions_get_a_clear_reply(string expression, string expected) =>
        Assert.Equal(expected, await Evaluate(expression));

    [Fact]
    public async Task Too_long_or_too_deep_input_is_refused_without_evaluating_it()
    {
        Assert.Equal("That calculation is too long for me.", await Evaluate(string.Join(" + ", Enumerable.Repeat("1", 200))));
        Assert.Equal("That calculation is too long for me.", await Evaluate(new string('(', 60) + "1" + new string(')', 60)));
        Assert.Equal("That calculation is too long for me.", await Evaluate(string.Concat(Enumerable.Repeat("-", 90)) + "1"));
    }

    [Fact]
    public async Task A_missing_expression_asks_for_one()
    {
        var reply = await SkillRequests.RunAsync(_skill, SkillRequests.For("calc.evaluate"));
        Assert.Equal("What should I calculate?", reply.Text);
    }

    [Theory]
    [InlineData("2,5 por 2", "2,5 por 2 es 5.")]
    [InlineData("3 más 4", "3 más 4 es 7.")]
    [InlineData("1/4", "1/4 es 0,25.")]
    [InlineData("20 por ciento de 50", "20 por ciento de 50 es 10.")]
    [InlineData("1.000 entre 8", "1.000 entre 8 es 125.")]
    [InlineData("raíz cuadrada de 9", "raíz cuadrada de 9 es 3.")]
    [InlineData("5 entre 0", "No puedo dividir entre cero.")]
    public async Task Spanish_uses_its_own_words_and_decimal_comma(string expression, string expected) =>
        Assert.Equal(expected, await Evaluate(expression, SkillLanguages.Spanish));
}

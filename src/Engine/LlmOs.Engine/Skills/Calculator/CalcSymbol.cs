namespace LlmOs.Engine.Skills.Calculator;

/// <summary>What one token of an expression is: a number, an operator, a parenthesis, or a word that means nothing to it.</summary>
internal enum CalcSymbol
{
    Number,
    Plus,
    Minus,
    Times,
    Divide,
    PercentOf,
    Percent,
    Power,
    Squared,
    Cubed,
    SquareRoot,
    Open,
    Close,
    Filler,
}

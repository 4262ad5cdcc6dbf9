namespace LlmOs.Engine.Skills.Calculator;

/// <summary>Why an expression has no answer; each has its own reply (<c>calc.*</c>).</summary>
internal enum CalcError
{
    Invalid,
    DivisionByZero,
    TooLarge,
    TooLong,
    NegativeRoot,
}

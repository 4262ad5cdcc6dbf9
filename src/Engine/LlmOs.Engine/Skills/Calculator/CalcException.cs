namespace LlmOs.Engine.Skills.Calculator;

/// <summary>An expression that has no answer, with the reason; the skill turns it into a reply.</summary>
internal sealed class CalcException(CalcError error) : Exception(error.ToString())
{
    public CalcError Error { get; } = error;
}

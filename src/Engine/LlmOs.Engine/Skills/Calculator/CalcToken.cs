namespace LlmOs.Engine.Skills.Calculator;

/// <summary>One token of an expression; <see cref="Value"/> only for <see cref="CalcSymbol.Number"/>.</summary>
internal readonly record struct CalcToken(CalcSymbol Symbol, double Value = 0);

namespace LlmOs.Engine.Skills.Calculator;

/// <summary>
/// Evaluates tokens by recursive descent: a safe evaluator that only knows arithmetic, never a script engine.
/// <code>
/// sum     := product (("+" | "-") product)*
/// product := unary (("*" | "/" | "% of") unary | "(" implied "*")*
/// unary   := ("-" | "+" | "square root of") unary | power
/// power   := postfix ("^" unary)?              right-associative: 2^3^2 = 2^9
/// postfix := primary ("squared" | "cubed" | "%")*
/// primary := number | "(" sum ")"
/// </code>
/// </summary>
internal sealed class CalcParser
{
    /// <summary>How deeply parentheses and signs may nest, so a hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 40;

    private readonly IReadOnlyList<CalcToken> _tokens;
    private int _position;
    private int _depth;

    private CalcParser(IReadOnlyList<CalcToken> tokens) => _tokens = tokens;

    public static double Evaluate(IReadOnlyList<CalcToken> tokens)
    {
        var parser = new CalcParser(tokens);
        double value = parser.Sum();
        if (parser._position != tokens.Count)
        {
            throw new CalcException(CalcError.Invalid);
        }

        return value;
    }

    private CalcSymbol? Peek => _position < _tokens.Count ? _tokens[_position].Symbol : null;

    private double Sum()
    {
        double value = Product();
        while (Peek is CalcSymbol.Plus or CalcSymbol.Minus)
        {
            bool plus = _tokens[_position++].Symbol == CalcSymbol.Plus;
            double right = Product();
            value = Checked(plus ? value + right : value - right);
        }

        return value;
    }

    private double Product()
    {
        double value = Unary();
        while (Peek is CalcSymbol.Times or CalcSymbol.Divide or CalcSymbol.PercentOf or CalcSymbol.Open)
        {
            var op = Peek == CalcSymbol.Open ? CalcSymbol.Times : _tokens[_position++].Symbol;
            double right = Unary();
            value = op switch
            {
                CalcSymbol.Divide when right == 0 => throw new CalcException(CalcError.DivisionByZero),
                CalcSymbol.Divide => Checked(value / right),
                CalcSymbol.PercentOf => Checked(value / 100 * right),
                _ => Checked(value * right),
            };
        }

        return value;
    }

    private double Unary()
    {
        Enter();
        double value;
        switch (Peek)
        {
            case CalcSymbol.Minus:
                _position++;
                value = -Unary();
                break;
            case CalcSymbol.Plus:
                _position++;
                value = Unary();
                break;
            case CalcSymbol.SquareRoot:
                _position++;
                double radicand = Unary();
                value = radicand < 0 ? throw new CalcException(CalcError.NegativeRoot) : Math.Sqrt(radicand);
                break;
            default:
                value = Power();
                break;
        }

        _depth--;
        return value;
    }

    private double Power()
    {
        double value = Postfix();
        if (Peek == CalcSymbol.Power)
        {
            _position++;
            double exponent = Unary();
            if (value == 0 && exponent < 0)
            {
                throw new CalcException(CalcError.DivisionByZero);
            }

            value = Checked(Math.Pow(value, exponent));
        }

        return value;
    }

    private double Postfix()
    {
        double value = Primary();
        while (Peek is CalcSymbol.Squared or CalcSymbol.Cubed or CalcSymbol.Percent)
        {
            value = _tokens[_position++].Symbol switch
            {
                CalcSymbol.Squared => Checked(value * value),
                CalcSymbol.Cubed => Checked(value * value * value),
                _ => value / 100,
            };
        }

        return value;
    }

    private double Primary()
    {
        switch (Peek)
        {
            case CalcSymbol.Number:
                return _tokens[_position++].Value;
            case CalcSymbol.Open:
                _position++;
                Enter();
                double value = Sum();
                _depth--;
                if (Peek != CalcSymbol.Close)
                {
                    throw new CalcException(CalcError.Invalid);
                }

                _position++;
                return value;
            default:
                throw new CalcException(CalcError.Invalid);
        }
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new CalcException(CalcError.TooLong);
        }
    }

    /// <summary>The value, or the reason it has none: too large (infinite) or undefined (NaN).</summary>
    private static double Checked(double value) =>
        double.IsInfinity(value) ? throw new CalcException(CalcError.TooLarge)
        : double.IsNaN(value) ? throw new CalcException(CalcError.Invalid)
        : value;
}

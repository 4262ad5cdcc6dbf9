using System.Globalization;

namespace LlmOs.Engine.Skills.Calculator;

/// <summary>A result as said back: up to 10 significant digits, no needless zeros, the language's decimal separator.</summary>
internal static class CalcResultFormat
{
    public static string Format(double value, char decimalSeparator)
    {
        double rounded = double.Parse(value.ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (rounded == 0)
        {
            return "0"; // also for -0
        }

        double magnitude = Math.Abs(rounded);
        string text = magnitude is >= 1e15 or < 1e-9
            ? rounded.ToString("G10", CultureInfo.InvariantCulture)
            : rounded.ToString("0.###################", CultureInfo.InvariantCulture);
        return decimalSeparator == '.' ? text : text.Replace('.', decimalSeparator);
    }
}

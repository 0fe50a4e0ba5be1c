using System.Globalization;
using NCalc;
using NCalc.Exceptions;

namespace VoiceHelper.Assistant.Agent;

/// <summary>Arithmetic through NCalc's expression evaluator: numbers, operators and its maths functions, never code.</summary>
public static class AgentCalculator
{
    public const int MaxLength = 500;

    /// <summary>The value, or why the expression has none (the agent sees that as the tool's observation).</summary>
    public static (string? Value, string? Error) Evaluate(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression) || expression.Length > MaxLength)
        {
            return (null, $"the expression must have 1 to {MaxLength} characters");
        }
        try
        {
            // Decimal arithmetic, so 0.1 + 0.2 is 0.3; no parameters are defined, so a name is an error, not a lookup.
            var value = new Expression(expression, ExpressionOptions.DecimalAsDefault).Evaluate();
            return value switch
            {
                double d when double.IsNaN(d) || double.IsInfinity(d) => (null, "the result is not a finite number (division by zero?)"),
                bool b => (b ? "true" : "false", null),
                IFormattable number => (Normalise(number), null),
                null => (null, "the expression has no value"),
                _ => (null, "the expression is not arithmetic"),
            };
        }
        catch (Exception exception) when (exception is NCalcException or ArgumentException or FormatException or OverflowException
            or InvalidOperationException or DivideByZeroException)
        {
            return (null, $"not a valid expression: {exception.Message}");
        }
    }

    private static string Normalise(IFormattable number) => number switch
    {
        decimal m => Math.Round(m, 10).ToString("0.##########", CultureInfo.InvariantCulture),
        double d => Math.Round(d, 10).ToString("0.##########", CultureInfo.InvariantCulture),
        _ => number.ToString(null, CultureInfo.InvariantCulture),
    };
}

namespace VoiceHelper.Assistant.Common;

/// <summary>Pearson's chi-square: the statistic of a contingency table and its p-value (upper tail of the distribution).</summary>
public static class ChiSquare
{
    /// <summary>Independence of rows and columns (e.g. variant x success); null when a row or column is empty.</summary>
    public static (double Statistic, int DegreesOfFreedom, double PValue)? Independence(long[,] table)
    {
        int rows = table.GetLength(0), columns = table.GetLength(1);
        var rowTotals = new double[rows];
        var columnTotals = new double[columns];
        double total = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                rowTotals[r] += table[r, c];
                columnTotals[c] += table[r, c];
                total += table[r, c];
            }
        }
        if (rows < 2 || columns < 2 || rowTotals.Any(t => t == 0) || columnTotals.Any(t => t == 0))
        {
            return null;
        }
        double statistic = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var expected = rowTotals[r] * columnTotals[c] / total;
                statistic += (table[r, c] - expected) * (table[r, c] - expected) / expected;
            }
        }
        var df = (rows - 1) * (columns - 1);
        return (statistic, df, PValue(statistic, df));
    }

    /// <summary>Goodness of fit of observed counts to expected counts.</summary>
    public static (double Statistic, double PValue) GoodnessOfFit(IReadOnlyList<long> observed, IReadOnlyList<double> expected)
    {
        var statistic = observed.Select((o, i) => (o - expected[i]) * (o - expected[i]) / expected[i]).Sum();
        return (statistic, PValue(statistic, observed.Count - 1));
    }

    /// <summary>P(X >= statistic) for X ~ chi-square(df): the regularised upper incomplete gamma Q(df/2, statistic/2).</summary>
    public static double PValue(double statistic, int degreesOfFreedom) =>
        statistic <= 0 ? 1 : UpperGamma(degreesOfFreedom / 2.0, statistic / 2.0);

    // Series for x < a + 1, continued fraction (modified Lentz) otherwise: the textbook evaluation of Q(a, x).
    private static double UpperGamma(double a, double x)
    {
        var logPrefix = a * Math.Log(x) - x - LogGamma(a);
        if (x < a + 1)
        {
            double sum = 1 / a, term = sum;
            for (var n = 1; n < 500 && Math.Abs(term) > Math.Abs(sum) * 1e-15; n++)
            {
                term *= x / (a + n);
                sum += term;
            }
            return Math.Clamp(1 - sum * Math.Exp(logPrefix), 0, 1);
        }
        const double tiny = 1e-300;
        double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
        for (var i = 1; i < 500; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }
        return Math.Clamp(Math.Exp(logPrefix) * h, 0, 1);
    }

    // Lanczos approximation (g = 7, n = 9).
    private static double LogGamma(double x)
    {
        double[] coefficients =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }
        x -= 1;
        var sum = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            sum += coefficients[i] / (x + i);
        }
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}

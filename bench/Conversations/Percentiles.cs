namespace VoiceHelper.Conversations.Bench;

internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> values, double quantile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

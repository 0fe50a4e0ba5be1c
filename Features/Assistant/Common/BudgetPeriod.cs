namespace VoiceHelper.Assistant.Common;

/// <summary>A budget period: the calendar month (UTC) that contains a moment.</summary>
public readonly record struct BudgetPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    public static BudgetPeriod Containing(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var start = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return new BudgetPeriod(start, start.AddMonths(1));
    }

    public string Key => Start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public TimeSpan Remaining(DateTimeOffset now) => End - now;
}

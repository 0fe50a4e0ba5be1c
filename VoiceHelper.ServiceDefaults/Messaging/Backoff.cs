namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>Exponential back-off between deliveries of a failing event.</summary>
public static class Backoff
{
    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based): initial, 2x, 4x ... capped.</summary>
    public static TimeSpan After(int attempt, TimeSpan initial, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var ticks = Math.Min(initial.Ticks * factor, max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}

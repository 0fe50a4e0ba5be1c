namespace VoiceHelper.Assistant.QueryRag;

public static class QueryRagClock
{
    /// <summary>Stage latencies are reported in milliseconds to the microsecond.</summary>
    public static double Milliseconds(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 3);
}

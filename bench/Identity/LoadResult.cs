namespace VoiceHelper.Identity.Bench;

internal sealed record LoadResult(int Calls, int Failures, TimeSpan Elapsed, double P50, double P95)
{
    public double PerSecond => Calls / Elapsed.TotalSeconds;
}

namespace VoiceHelper.Assistant.Models;

/// <summary>A model's recent outcomes: how many calls, latency of the successful ones, share of errors and timeouts.</summary>
public sealed record ModelHealthSnapshot(int Calls, double? LatencyP50Ms, double? LatencyP95Ms, double ErrorRate, double TimeoutRate)
{
    public static readonly ModelHealthSnapshot Unknown = new(0, null, null, 0, 0);
}

namespace VoiceHelper.Assistant.Models;

/// <summary>
/// How the router orders the models it may use. With no strategy (neither the tenant's nor the request's) the
/// configured fallback order stands, so a deployment that only configures <c>Ai:Chat</c> keeps its behaviour.
/// </summary>
public static class RoutingStrategies
{
    public const string Cheapest = "cheapest";
    public const string Fastest = "fastest";
    public const string BestQuality = "best_quality";
    public const string Balanced = "balanced";

    /// <summary>Simple questions go to the cheapest model, moderate ones balanced, complex ones to the best.</summary>
    public const string ComplexityAware = "complexity_aware";

    public static readonly IReadOnlyList<string> All = [Cheapest, Fastest, BestQuality, Balanced, ComplexityAware];

    public static bool IsKnown(string? strategy) => strategy is not null && All.Contains(strategy);
}

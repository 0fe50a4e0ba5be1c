namespace VoiceHelper.Assistant.Models;

/// <summary>
/// One model as the routing decision sees it: its prices, window and tier, and its health measured from real outcomes
/// (<see cref="LatencyP50Ms"/> is null until the model has answered at least once).
/// </summary>
/// <param name="Key">The model's name in the tenant's table (or the catalog id).</param>
/// <param name="QualityTier">1 (basic) to 5 (best).</param>
/// <param name="LastResort">The embedded extractive answerer: always last, never excluded.</param>
public sealed record RouteCandidate(
    string Key,
    decimal InputPricePer1K,
    decimal OutputPricePer1K,
    int ContextWindow,
    int QualityTier,
    double? LatencyP50Ms = null,
    double ErrorRate = 0,
    bool LastResort = false)
{
    public decimal EstimatedCost(int promptTokens, int maxOutputTokens) =>
        (promptTokens * InputPricePer1K + maxOutputTokens * OutputPricePer1K) / 1000m;
}

namespace VoiceHelper.Assistant.Models;

/// <summary>
/// The router's choice: the models to try in order (the first is the choice, the rest its fallbacks, the last resort
/// at the end), the answer's token cap, the strategy that was applied and the models left out with why.
/// </summary>
public sealed record RouteDecision(
    IReadOnlyList<RouteCandidate> Order,
    int MaxOutputTokens,
    string? Strategy,
    IReadOnlyList<(string Key, string Reason)> Excluded)
{
    public RouteCandidate Primary => Order[0];
}

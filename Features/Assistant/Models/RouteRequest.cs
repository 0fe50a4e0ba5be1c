using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.Models;

/// <summary>What one request needs from the router.</summary>
/// <param name="Strategy">A <see cref="RoutingStrategies"/> value, or null for the configured order.</param>
/// <param name="PromptTokens">The prompt as it will be sent (sources, history, question).</param>
/// <param name="MaxOutputTokens">The answer's cap; the soft budget limit lowers it.</param>
/// <param name="Pinned">A model an A/B variant asks for: first when it fits, the strategy's order after it.</param>
/// <param name="SoftLimit">The tenant is past its soft budget limit: cheapest first, capped answer.</param>
public sealed record RouteRequest(
    string? Strategy,
    int PromptTokens,
    int MaxOutputTokens,
    RagQueryComplexity Complexity = RagQueryComplexity.Moderate,
    string? Pinned = null,
    bool SoftLimit = false,
    int SoftLimitMaxOutputTokens = 256);

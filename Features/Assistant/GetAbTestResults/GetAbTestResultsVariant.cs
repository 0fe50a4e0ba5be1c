namespace VoiceHelper.Assistant.GetAbTestResults;

/// <summary>One variant's results; rates are null while it has no answers (or no ratings).</summary>
public sealed record GetAbTestResultsVariant(
    string Name,
    int Weight,
    string? Model,
    string? Prompt,
    int Requests,
    int Successes,
    double? SuccessRate,
    double? FallbackRate,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    long TotalTokens,
    double? AverageTokens,
    decimal CostUsd,
    decimal? AverageCostUsd,
    int FeedbackUp,
    int FeedbackDown,
    double? Satisfaction);

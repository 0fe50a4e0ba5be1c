namespace VoiceHelper.Console.Common.Api;

public sealed record AbTestResults(AbTestItem Test, IReadOnlyList<AbTestVariantResult> Variants, AbTestSignificance SuccessSignificance,
    AbTestSignificance FeedbackSignificance);

public sealed record AbTestVariantResult(string Name, int Weight, string? Model, int Requests, double? SuccessRate, double? LatencyP50Ms,
    decimal CostUsd, int FeedbackUp, int FeedbackDown, double? Satisfaction);

/// <summary>Chi-square test between variant and outcome; <see cref="Significant"/> needs p below 0.05 and enough data.</summary>
public sealed record AbTestSignificance(string Metric, double? PValue, bool EnoughData, bool Significant);

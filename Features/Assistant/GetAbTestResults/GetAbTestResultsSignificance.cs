namespace VoiceHelper.Assistant.GetAbTestResults;

/// <summary>
/// Pearson's chi-square test of independence between variant and outcome (success, or thumbs up/down): whether the
/// variants differ by more than chance. <see cref="Significant"/> needs p below 0.05 and at least
/// <see cref="GetAbTestResultsDecision.MinimumPerVariant"/> observations in every variant; null statistics mean the table
/// has an empty row or column (nothing to compare yet).
/// </summary>
public sealed record GetAbTestResultsSignificance(
    string Metric,
    double? ChiSquare,
    int? DegreesOfFreedom,
    double? PValue,
    bool EnoughData,
    bool Significant);

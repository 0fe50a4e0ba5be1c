namespace VoiceHelper.Assistant.GetAbTestResults;

/// <summary>One recorded answer, as the summary needs it.</summary>
public sealed record GetAbTestResultsOutcome(string Variant, bool Success, bool FallbackUsed, int LatencyMs, int Tokens, decimal CostUsd);

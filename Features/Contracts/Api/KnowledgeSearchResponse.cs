namespace VoiceHelper.Contracts.Api;

/// <summary>Knowledge's answer to a search, ranked.</summary>
/// <param name="Mode">The mode asked for.</param>
/// <param name="EffectiveMode">The mode that answered: keyword when hybrid had to fall back.</param>
/// <param name="FallbackReason">Why the vector signal was skipped (null when it was not).</param>
public sealed record KnowledgeSearchResponse(
    string Query,
    string Mode,
    string EffectiveMode,
    string? FallbackReason,
    IReadOnlyList<KnowledgeSearchHit> Results,
    double TookMs);

namespace VoiceHelper.Knowledge.SearchKnowledge;

/// <param name="Mode">The mode asked for.</param>
/// <param name="EffectiveMode">The mode that answered: keyword when hybrid had to fall back.</param>
/// <param name="FallbackReason">Why the vector signal was skipped (null when it was not).</param>
public sealed record SearchKnowledgeResponse(
    string Query,
    string Mode,
    string EffectiveMode,
    string? FallbackReason,
    IReadOnlyList<SearchKnowledgeHit> Results,
    double TookMs);

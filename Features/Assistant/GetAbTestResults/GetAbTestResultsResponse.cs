using VoiceHelper.Assistant.Common;

namespace VoiceHelper.Assistant.GetAbTestResults;

public sealed record GetAbTestResultsResponse(
    AbTestView Test,
    IReadOnlyList<GetAbTestResultsVariant> Variants,
    GetAbTestResultsSignificance SuccessSignificance,
    GetAbTestResultsSignificance FeedbackSignificance);

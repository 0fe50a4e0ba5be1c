using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Conversations.Common;

/// <summary>
/// An answer produced for a question that is not stored yet (a voice call answering while the caller may still go
/// on). Kept briefly in Redis; a send that names it stores the question and exactly this answer, or nothing happens.
/// </summary>
/// <param name="BaseSequence">The conversation's last sequence the answer was produced over: it is only stored on top of that history.</param>
/// <param name="Status"><c>pending</c> while it is produced, then <c>complete</c> or <c>interrupted</c> (the asker went away mid-answer).</param>
public sealed record PreparedAnswer(
    Guid Id, Guid TenantId, Guid UserId, Guid ConversationId, string Question, long BaseSequence, string Status,
    string Content = "", IReadOnlyList<RagSource>? Sources = null, string? Model = null, long TokensUsed = 0, bool CacheHit = false, int LatencyMs = 0)
{
    public const string Pending = "pending";
}

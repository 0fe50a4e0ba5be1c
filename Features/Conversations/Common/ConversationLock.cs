using Microsoft.EntityFrameworkCore;

namespace VoiceHelper.Conversations.Common;

/// <summary>
/// Serialises the changes of one conversation across requests and replicas: the row is locked
/// (<c>SELECT ... FOR UPDATE</c>) in the caller's transaction, so a second send waits until the first turn has
/// committed and then sees its messages. Needs an open transaction on <paramref name="db"/>.
/// </summary>
public static class ConversationLock
{
    public static Task<Conversation?> LockAsync(ConversationsDbContext db, Guid conversationId, CancellationToken cancellationToken) =>
        // The tenant filter composes around this query, so another tenant's row is locked for a moment at most, never returned.
        db.Conversations
            .FromSqlInterpolated($"SELECT * FROM conversations WHERE id = {conversationId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
}

using Microsoft.EntityFrameworkCore;

namespace VoiceHelper.Conversations.Common;

/// <summary>A conversation's context: from the Redis cache when it holds the current version, else from PostgreSQL.</summary>
public static class ContextSnapshots
{
    public static async Task<ContextSnapshot> LoadAsync(ConversationsDbContext db, ContextCache cache, Conversation conversation, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(conversation.Id, conversation.ContextVersion) is { } cached)
        {
            return cached;
        }
        var rows = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Status != MessageStatuses.Failed && m.Content != "")
            .OrderByDescending(m => m.Sequence)
            .Take(ContextWindow.MessagesToKeep(conversation.ContextMaxTurns))
            .ToListAsync(cancellationToken);
        rows.Reverse();
        return new ContextSnapshot(conversation.ContextVersion, rows.Select(ContextMessage.From).ToList());
    }
}

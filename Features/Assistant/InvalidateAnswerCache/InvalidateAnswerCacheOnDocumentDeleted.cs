using VoiceHelper.Assistant.Common;
using VoiceHelper.Contracts.Events;

namespace VoiceHelper.Assistant.InvalidateAnswerCache;

/// <summary>A deleted document (or knowledge base) must not keep answering from the cache.</summary>
public sealed class InvalidateAnswerCacheOnDocumentDeleted(SemanticCache cache)
{
    public Task HandleAsync(DocumentDeleted @event) =>
        cache.InvalidateAsync(@event.TenantId, @event.KnowledgeBaseId);
}

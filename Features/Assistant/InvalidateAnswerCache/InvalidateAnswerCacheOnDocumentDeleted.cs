using VoiceHelper.Assistant.Common;
using VoiceHelper.Contracts.Events;
using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.Assistant.InvalidateAnswerCache;

/// <summary>A deleted document (or knowledge base) must not keep answering from the cache.</summary>
public sealed class InvalidateAnswerCacheOnDocumentDeleted(SemanticCache cache) : IEventHandler<DocumentDeleted>
{
    public Task HandleAsync(DocumentDeleted @event, EventContext context, CancellationToken cancellationToken) =>
        cache.InvalidateAsync(@event.TenantId, @event.KnowledgeBaseId);
}

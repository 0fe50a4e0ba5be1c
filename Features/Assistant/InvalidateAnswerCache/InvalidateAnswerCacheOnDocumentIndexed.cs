using VoiceHelper.Assistant.Common;
using VoiceHelper.Contracts.Events;

namespace VoiceHelper.Assistant.InvalidateAnswerCache;

/// <summary>
/// A document (re)indexed changes what its knowledge base answers: every cached answer over that base is dropped.
/// Idempotent by nature: a redelivered event only bumps the generation once more.
/// </summary>
public sealed class InvalidateAnswerCacheOnDocumentIndexed(SemanticCache cache)
{
    public Task HandleAsync(DocumentIndexed @event) =>
        cache.InvalidateAsync(@event.TenantId, @event.KnowledgeBaseId);
}

using VoiceHelper.Contracts.Events;
using VoiceHelper.Voice.Common;

namespace VoiceHelper.Voice.AdaptRecognition;

/// <summary>A document (or the whole knowledge base) deleted: the adaptation is rebuilt from what is left, or emptied.</summary>
public sealed class AdaptRecognitionOnDocumentDeleted(SpeechAdaptations adaptations)
{
    public void Handle(DocumentDeleted @event) => adaptations.Request(@event.TenantId, @event.KnowledgeBaseId);
}

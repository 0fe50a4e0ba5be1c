using VoiceHelper.Contracts.Events;
using VoiceHelper.Voice.Common;

namespace VoiceHelper.Voice.AdaptRecognition;

/// <summary>
/// A document indexed changes a knowledge base's words: its adaptation is rebuilt in the background. Idempotent: a
/// redelivered event asks for the same rebuild, which merges with one already waiting.
/// </summary>
public sealed class AdaptRecognitionOnDocumentIndexed(SpeechAdaptations adaptations)
{
    public void Handle(DocumentIndexed @event) => adaptations.Request(@event.TenantId, @event.KnowledgeBaseId);
}

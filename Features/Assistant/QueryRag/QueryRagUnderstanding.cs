using VoiceHelper.Ai.Chat;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>The understand stage: classify the question and rewrite a follow-up with the question before it.</summary>
public static class QueryRagUnderstanding
{
    public static QueryRagQuestion Understand(RagQueryRequest request, bool streamed, ChatProvider primary)
    {
        var asked = request.Query.Trim();
        var classification = QueryRagClassifier.Classify(asked);
        // A chat model reads the conversation, so its answer to the same words depends on what was said before
        // ("what was my name?"); the cache is keyed by the question alone, so such a question skips it both ways.
        var conversational = QueryRagHistory.UsesHistory(primary, request.History);
        List<string> features = streamed ? [QueryRagFeatures.Classifier, QueryRagFeatures.Streaming] : [QueryRagFeatures.Classifier];
        return new QueryRagQuestion(
            classification.RetrievalSkipped ? asked : QueryRagFollowUp.RetrievalQuery(asked, request.History),
            classification,
            request.KbIds?.Distinct().ToList() ?? [],
            request.TopK ?? RagQueryRequest.DefaultTopK,
            conversational,
            request.UseCache && !conversational,
            request.History,
            features);
    }
}

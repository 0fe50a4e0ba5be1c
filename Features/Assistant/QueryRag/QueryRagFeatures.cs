namespace VoiceHelper.Assistant.QueryRag;

/// <summary>The values of <c>features_used</c>; clients and dashboards match on them.</summary>
public static class QueryRagFeatures
{
    public const string Classifier = "query_classifier";
    public const string HybridRetrieval = "hybrid_retrieval";
    public const string KeywordFallback = "keyword_fallback";
    public const string Rerank = "rerank";
    public const string SemanticCache = "semantic_cache";
    public const string CacheUnavailable = "cache_unavailable";
    public const string SelfRag = "self_rag";
    public const string ModelFallback = "model_fallback";
    public const string Streaming = "streaming";

    /// <summary>The conversation went into a chat model's prompt (and so the semantic cache was not used).</summary>
    public const string ConversationHistory = "conversation_history";
}

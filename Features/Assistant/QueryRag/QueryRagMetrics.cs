namespace VoiceHelper.Assistant.QueryRag;

/// <summary>Latencies in milliseconds per stage; the names plus the finer stages the bench reports.</summary>
public sealed record QueryRagMetrics(
    double ClassificationLatency,
    double RetrievalLatency,
    double RerankLatency,
    double GenerationLatency,
    double SelfCheckLatency,
    double TotalLatency,
    long TokensUsed,
    decimal CostUsd,
    bool CacheHit,
    bool SelfRagTriggered);

namespace VoiceHelper.Contracts.Api;

/// <summary>Latencies in milliseconds per stage, tokens and cost of one answer.</summary>
public sealed record RagMetrics(
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

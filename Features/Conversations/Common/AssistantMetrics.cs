namespace VoiceHelper.Conversations.Common;

/// <summary>The Assistant's own accounting of an answer (its latencies are informational; Conversations measures its own).</summary>
public sealed record AssistantMetrics(
    double RetrievalLatency = 0,
    double GenerationLatency = 0,
    double TotalLatency = 0,
    int TokensUsed = 0,
    decimal CostUsd = 0,
    bool CacheHit = false);

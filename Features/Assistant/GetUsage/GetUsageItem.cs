namespace VoiceHelper.Assistant.GetUsage;

public sealed record GetUsageItem(
    string Model,
    string Provider,
    int Requests,
    int CacheHits,
    long PromptTokens,
    long CompletionTokens,
    decimal CostUsd,
    double AverageLatencyMs);

namespace VoiceHelper.Console.Common.Api;

public sealed record UsageModel(string Model, string Provider, int Requests, int CacheHits, long PromptTokens, long CompletionTokens,
    decimal CostUsd, double AverageLatencyMs);

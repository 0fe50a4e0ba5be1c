namespace VoiceHelper.Assistant.GetUsage;

public sealed record GetUsageResponse(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<GetUsageItem> Models,
    int TotalRequests, long TotalTokens, decimal TotalCostUsd);

namespace VoiceHelper.Console.Common.Api;

public sealed record UsageReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<UsageModel> Models, int TotalRequests,
    long TotalTokens, decimal TotalCostUsd);

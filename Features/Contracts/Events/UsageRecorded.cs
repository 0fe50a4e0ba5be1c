namespace VoiceHelper.Contracts.Events;

/// <summary>Model usage for billing and budgets: tokens, cost and latency per tenant and model.</summary>
public sealed record UsageRecorded(
    Guid TenantId,
    Guid? UserId,
    Guid UsageId,
    string Operation,
    string Provider,
    string Model,
    int PromptTokens,
    int CompletionTokens,
    decimal CostUsd,
    int LatencyMs,
    DateTimeOffset RecordedAt) : IIntegrationEvent
{
    public static string Topic => EventTopics.UsageRecorded;
}

using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Assistant.Common;

public sealed class UsageRecord : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid? UserId { get; set; }
    public string Operation { get; set; } = "";
    public string Provider { get; set; } = "";
    public string Model { get; set; } = "";
    public int PromptTokens { get; set; }
    public int CompletionTokens { get; set; }
    public decimal CostUsd { get; set; }
    public int LatencyMs { get; set; }
    public bool CacheHit { get; set; }
    public bool FallbackUsed { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

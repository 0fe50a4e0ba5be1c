using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Assistant.Common;

/// <summary>One answer given under a running test.</summary>
public sealed class AbTestOutcome : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid TestId { get; set; }
    public string Variant { get; set; } = "";
    public Guid? UserId { get; set; }

    /// <summary>The conversation the question came from (Conversations sends it): feedback on its answer finds the variant here.</summary>
    public Guid? ConversationId { get; set; }
    public string Model { get; set; } = "";

    /// <summary>The variant's routing answered without falling back and the answer was not "I don't know".</summary>
    public bool Success { get; set; }
    public bool FallbackUsed { get; set; }
    public int LatencyMs { get; set; }
    public int Tokens { get; set; }
    public decimal CostUsd { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

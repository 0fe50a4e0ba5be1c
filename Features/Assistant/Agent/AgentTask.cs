using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Assistant.Agent;

/// <summary>A finished agent run; <see cref="Run"/> is the response as JSON.</summary>
public sealed class AgentTask : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid? UserId { get; set; }
    public string Task { get; set; } = "";
    public string Status { get; set; } = "";
    public string Run { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

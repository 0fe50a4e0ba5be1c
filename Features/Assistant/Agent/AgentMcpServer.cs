using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Assistant.Agent;

/// <summary>An MCP server (streamable HTTP) whose tools the tenant's agent may call.</summary>
public sealed class AgentMcpServer : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

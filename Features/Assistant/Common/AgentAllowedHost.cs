using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Assistant.Common;

/// <summary>A host the tenant's agent may reach (http_get, MCP servers); <c>*.example.com</c> covers its subdomains.</summary>
public sealed class AgentAllowedHost : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string Host { get; set; } = "";
    public bool AllowPrivate { get; set; }
}

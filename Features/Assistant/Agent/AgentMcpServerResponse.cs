namespace VoiceHelper.Assistant.Agent;

/// <summary>A registered MCP server as the admin API shows it.</summary>
public sealed record AgentMcpServerResponse(Guid Id, string Name, string Url, DateTimeOffset CreatedAt)
{
    public static AgentMcpServerResponse From(AgentMcpServer server) => new(server.Id, server.Name, server.Url, server.CreatedAt);
}

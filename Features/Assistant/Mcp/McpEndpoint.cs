using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.Mcp;

/// <summary>The MCP server over streamable HTTP, stateless (any replica answers any request), for API keys with the <c>mcp</c> scope.</summary>
public sealed class McpEndpoint : IEndpoint
{
    public const string Path = "/mcp";

    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapMcp(Path)
            .WithTags("MCP")
            .RequireAuthorization(Policies.Mcp);
}

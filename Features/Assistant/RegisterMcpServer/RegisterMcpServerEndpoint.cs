using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.RegisterMcpServer;

public sealed class RegisterMcpServerEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/agent/mcp-servers", async (RegisterMcpServerRequest request, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request, ct)).ToHttpResult(server => TypedResults.Created($"/api/v1/agent/mcp-servers/{server.Id}", server)))
            .WithName("RegisterMcpServer")
            .WithTags("Agent")
            .WithSummary("Registers an MCP server (streamable HTTP, host on the allow-list) whose tools the agent may call (owner or admin).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

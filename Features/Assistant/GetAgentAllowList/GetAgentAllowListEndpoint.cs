using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.GetAgentAllowList;

public sealed class GetAgentAllowListEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/agent/allow-list", async (IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetAgentAllowListRequest(), ct)).ToHttpResult())
            .WithName("GetAgentAllowList")
            .WithTags("Agent")
            .WithSummary("The hosts the agent's http_get and MCP servers may reach (owner or admin).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

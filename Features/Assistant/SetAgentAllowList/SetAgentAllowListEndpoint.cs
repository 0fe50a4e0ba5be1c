using MediatR;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.SetAgentAllowList;

public sealed class SetAgentAllowListEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/api/v1/agent/allow-list", async (AgentAllowList body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new SetAgentAllowListRequest(body), ct)).ToHttpResult())
            .WithName("SetAgentAllowList")
            .WithTags("Agent")
            .WithSummary("Replaces the hosts the agent's http_get and MCP servers may reach (owner or admin).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

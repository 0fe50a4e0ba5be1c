using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.ListMcpServers;

public sealed class ListMcpServersEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/agent/mcp-servers", async (IMediator mediator, CancellationToken ct, int page = 1,
                    int page_size = IPageRequest.DefaultPageSize) =>
                (await mediator.Send(new ListMcpServersRequest(page, page_size), ct)).ToHttpResult())
            .WithName("ListMcpServers")
            .WithTags("Agent")
            .WithSummary("The tenant's registered MCP servers, by name (owner or admin).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

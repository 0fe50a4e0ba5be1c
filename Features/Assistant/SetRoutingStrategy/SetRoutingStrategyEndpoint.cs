using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.SetRoutingStrategy;

public sealed class SetRoutingStrategyEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/api/v1/models/routing", async (SetRoutingStrategyRequest request, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request, ct)).ToHttpResult())
            .WithName("SetRoutingStrategy")
            .WithTags("Models")
            .WithSummary("Sets the tenant's routing strategy (a question's routing_strategy overrides it).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

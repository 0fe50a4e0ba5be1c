using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.StartAbTest;

public sealed class StartAbTestEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/ab-tests/{id:guid}/start", async (Guid id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new StartAbTestRequest(id), ct)).ToHttpResult())
            .WithName("StartAbTest")
            .WithTags("A/B tests")
            .WithSummary("Starts a draft test: from now on every user of the tenant is assigned a variant (at most one test runs at a time).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.StopAbTest;

public sealed class StopAbTestEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/ab-tests/{id:guid}/stop", async (Guid id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new StopAbTestRequest(id), ct)).ToHttpResult())
            .WithName("StopAbTest")
            .WithTags("A/B tests")
            .WithSummary("Stops a running test; its results stay readable.")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

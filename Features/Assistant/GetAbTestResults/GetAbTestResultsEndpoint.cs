using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.GetAbTestResults;

public sealed class GetAbTestResultsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/ab-tests/{id:guid}/results", async (Guid id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetAbTestResultsRequest(id), ct)).ToHttpResult())
            .WithName("GetAbTestResults")
            .WithTags("A/B tests")
            .WithSummary("Per variant: requests, success rate, latency p50/p95, tokens, cost and user feedback, with a chi-square significance test.")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

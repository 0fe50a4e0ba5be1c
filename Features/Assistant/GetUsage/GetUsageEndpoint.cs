using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.GetUsage;

public sealed class GetUsageEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/usage", async (IMediator mediator, CancellationToken ct, DateTimeOffset? from, DateTimeOffset? to) =>
                (await mediator.Send(new GetUsageRequest(from, to), ct)).ToHttpResult())
            .WithName("GetUsage")
            .WithTags("Assistant")
            .WithSummary("Tokens, cost, latency and cache hits of the caller's tenant per model over [from, to).")
            .RequireAuthorization(Policies.Authenticated)
            .Produces<GetUsageResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}

using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.ListModels;

public sealed class ListModelsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/models", async (IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ListModelsRequest(), ct)).ToHttpResult())
            .WithName("ListModels")
            .WithTags("Assistant")
            .WithSummary("The chat models in fallback order with prices, hints and circuit-breaker health.")
            .RequireAuthorization(Policies.Authenticated)
            .Produces<ListModelsResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}

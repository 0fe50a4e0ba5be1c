using MediatR;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.CreateModel;

public sealed class CreateModelEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/models", async (CreateModelRequest request, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request, ct)).ToHttpResult(m => TypedResults.Created($"/api/v1/models/{m.Id}", m)))
            .WithName("CreateModel")
            .WithTags("Models")
            .WithSummary("Adds a model (openai_compatible endpoint, ollama, embedded) with prices, context window and quality tier to the caller's tenant.")
            .RequireAuthorization(Policies.TenantAdmin)
            .Produces<ModelConfiguration>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

using MediatR;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.UpdateModel;

public sealed class UpdateModelEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/api/v1/models/{id:guid}", async (Guid id, UpdateModelBody body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new UpdateModelRequest(id, body.Name, body.Provider, body.Endpoint, body.Model, body.ApiKey,
                    body.InputPricePer1K, body.OutputPricePer1K, body.ContextWindow, body.QualityTier), ct)).ToHttpResult())
            .WithName("UpdateModel")
            .WithTags("Models")
            .WithSummary("Replaces the settings of one of the tenant's models (the API key is kept when left out).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

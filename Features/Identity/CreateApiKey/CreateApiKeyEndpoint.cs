using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.CreateApiKey;

public sealed class CreateApiKeyEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/api-keys", async (CreateApiKeyRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request with { Origin = RequestOrigin.From(http) }, ct))
                    .ToHttpResult(key => TypedResults.Created($"/api/v1/api-keys/{key.Id}", key)))
            .WithName("CreateApiKey")
            .WithTags("API keys")
            .WithSummary("Creates an API key for the caller's tenant (owner or admin); the secret is in this response only.")
            .RequireAuthorization(Policies.TenantAdmin)
            .DisableResponseReplay()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.RevokeApiKey;

public sealed class RevokeApiKeyEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/api/v1/api-keys/{id:guid}", async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new RevokeApiKeyRequest(id, RequestOrigin.From(http)), ct)).ToHttpResult())
            .WithName("RevokeApiKey")
            .WithTags("API keys")
            .WithSummary("Revokes an API key of the caller's tenant at once, in every service (owner or admin); it stays listed as revoked.")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

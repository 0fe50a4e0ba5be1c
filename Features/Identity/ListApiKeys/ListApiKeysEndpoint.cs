using MediatR;
using Microsoft.AspNetCore.Mvc;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.ListApiKeys;

public sealed class ListApiKeysEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/api-keys", async (IMediator mediator, CancellationToken ct, int? page,
                    [FromQuery(Name = "page_size")] int? pageSize) =>
                (await mediator.Send(new ListApiKeysRequest(page ?? 1, pageSize ?? IPageRequest.DefaultPageSize), ct)).ToHttpResult())
            .WithName("ListApiKeys")
            .WithTags("API keys")
            .WithSummary("The tenant's API keys, newest first, revoked ones included (owner or admin); never the secrets.")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.ListWidgetKeys;

public sealed class ListWidgetKeysEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/widget-keys", async (IMediator mediator, CancellationToken ct, int? page,
                    [FromQuery(Name = "page_size")] int? pageSize) =>
                (await mediator.Send(new ListWidgetKeysRequest(page ?? 1, pageSize ?? IPageRequest.DefaultPageSize), ct)).ToHttpResult())
            .WithName("ListWidgetKeys")
            .WithTags("Widget keys")
            .WithSummary("The tenant's widget keys, newest first, revoked ones included (owner or admin).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

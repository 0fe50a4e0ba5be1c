using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.RevokeWidgetKey;

public sealed class RevokeWidgetKeyEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/api/v1/widget-keys/{id:guid}", async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new RevokeWidgetKeyRequest(id, RequestOrigin.From(http)), ct)).ToHttpResult())
            .WithName("RevokeWidgetKey")
            .WithTags("Widget keys")
            .WithSummary("Revokes a widget key at once, its visitors' tokens included (owner or admin); it stays listed as revoked.")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

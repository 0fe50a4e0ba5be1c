using MediatR;
using Microsoft.AspNetCore.Mvc;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.ListAuditLog;

public sealed class ListAuditLogEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/audit", async (IMediator mediator, CancellationToken ct, int? page,
                    [FromQuery(Name = "page_size")] int? pageSize) =>
                (await mediator.Send(new ListAuditLogRequest(page ?? 1, pageSize ?? IPageRequest.DefaultPageSize), ct))
                .ToHttpResult())
            .WithName("ListAuditLog")
            .WithTags("Audit")
            .WithSummary("The tenant's security audit trail, newest first (owner or admin).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.ListUsers;

public sealed class ListUsersEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/users", async (IMediator mediator, CancellationToken ct, int? page,
                    [FromQuery(Name = "page_size")] int? pageSize) =>
                (await mediator.Send(new ListUsersRequest(page ?? 1, pageSize ?? IPageRequest.DefaultPageSize), ct)).ToHttpResult())
            .WithName("ListUsers")
            .WithTags("Users")
            .WithSummary("The users of the caller's tenant, oldest first (owner or admin).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

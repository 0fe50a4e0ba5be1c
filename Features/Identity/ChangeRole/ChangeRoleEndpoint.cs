using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.ChangeRole;

public sealed class ChangeRoleEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/api/v1/users/{id:guid}/role", async (Guid id, ChangeRoleRequest request, HttpContext http, IMediator mediator,
                    CancellationToken ct) =>
                (await mediator.Send(request with { UserId = id, Origin = RequestOrigin.From(http) }, ct)).ToHttpResult())
            .WithName("ChangeRole")
            .WithTags("Users")
            .WithSummary("Sets a user's role: owner, admin, agent or member (owner or admin).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.DisableUser;

public sealed class DisableUserEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/users/{id:guid}/disable", async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new DisableUserRequest(id, RequestOrigin.From(http)), ct)).ToHttpResult())
            .WithName("DisableUser")
            .WithTags("Users")
            .WithSummary("Disables a user of the caller's tenant; their tokens stop working at once (owner or admin).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

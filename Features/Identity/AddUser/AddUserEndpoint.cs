using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.AddUser;

public sealed class AddUserEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/users", async (AddUserRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request with { Origin = RequestOrigin.From(http) }, ct))
                    .ToHttpResult(user => TypedResults.Created($"/api/v1/users/{user.Id}", user)))
            .WithName("AddUser")
            .WithTags("Users")
            .WithSummary("Adds a user to the caller's tenant (owner or admin).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.GetCurrentUser;

public sealed class GetCurrentUserEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/users/me", async (IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetCurrentUserRequest(), ct)).ToHttpResult())
            .WithName("GetCurrentUser")
            .WithTags("Users")
            .WithSummary("The signed-in user.")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

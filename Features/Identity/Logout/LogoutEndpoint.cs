using System.Security.Claims;
using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.Logout;

public sealed class LogoutEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/auth/logout", async (ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(LogoutRequest.From(user, http), ct)).ToHttpResult())
            .WithName("Logout")
            .WithTags("Auth")
            .WithSummary("Revokes the presented access token at once, and its refresh-token family.")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}

using System.Globalization;
using System.Security.Claims;
using MediatR;
using VoiceHelper.Contracts;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.Logout;

public sealed class LogoutEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/auth/logout", async (ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new LogoutRequest(
                    user.FindFirstValue(ClaimNames.TokenId) ?? "",
                    DateTimeOffset.FromUnixTimeSeconds(long.Parse(user.FindFirstValue("exp") ?? "0", CultureInfo.InvariantCulture)),
                    RequestOrigin.From(http)), ct))
                .ToHttpResult(_ => TypedResults.NoContent()))
            .WithName("Logout")
            .WithTags("Auth")
            .WithSummary("Revokes the presented access token at once, and its refresh-token family.")
            .RequireAuthorization(Policies.Authenticated)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}

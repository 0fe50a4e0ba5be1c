using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.Login;

public sealed class LoginEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/auth/login", async (LoginRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request with { Origin = RequestOrigin.From(http) }, ct)).ToHttpResult())
            .WithName("Login")
            .WithTags("Auth")
            .WithSummary("Exchanges an email and password for an access token and a refresh token.")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}

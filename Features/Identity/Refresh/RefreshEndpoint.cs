using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.Refresh;

public sealed class RefreshEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/auth/refresh", async (RefreshRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request with { Origin = RequestOrigin.From(http) }, ct)).ToHttpResult())
            .WithName("Refresh")
            .WithTags("Auth")
            .WithSummary("Exchanges a refresh token for a new pair; a refresh token works once.")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}

using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.Register;

public sealed class RegisterEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/auth/register", async (RegisterRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request with { Origin = RequestOrigin.From(http) }, ct))
                    .ToHttpResult(user => TypedResults.Created($"/api/v1/users/{user.Id}", user)))
            .WithName("Register")
            .WithTags("Auth")
            .WithSummary("Creates a tenant and its first user, the owner.")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}

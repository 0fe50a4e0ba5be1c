using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.CreateWidgetSession;

/// <summary>
/// The widget's only anonymous call: its publishable key for a visitor token, from a page on one of the key's origins
/// (the browser's <c>Origin</c> header, which page scripts cannot set). Limited per IP like sign-in, and per key at the
/// key's per-key permits a minute (<see cref="WidgetExchangeCounter"/>).
/// </summary>
public sealed class CreateWidgetSessionEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/widget/sessions", async (CreateWidgetSessionRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request with { PageOrigin = http.Request.Headers.Origin.ToString() }, ct)).ToHttpResult())
            .WithName("CreateWidgetSession")
            .WithTags("Widget")
            .WithSummary("Exchanges a widget key (and the visitor's id) for a short-lived visitor token; the page's origin must be one of the key's.")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .DisableResponseReplay()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}

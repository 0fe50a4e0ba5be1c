using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.CreateWidgetKey;

public sealed class CreateWidgetKeyEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/widget-keys", async (CreateWidgetKeyRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request with { Origin = RequestOrigin.From(http) }, ct))
                    .ToHttpResult(key => TypedResults.Created($"/api/v1/widget-keys/{key.Id}", key)))
            .WithName("CreateWidgetKey")
            .WithTags("Widget keys")
            .WithSummary("Creates a publishable widget key bound to page origins, with per-key and per-visitor rate limits (owner or admin).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}

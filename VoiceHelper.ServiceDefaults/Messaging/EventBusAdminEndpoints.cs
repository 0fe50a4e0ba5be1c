using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.ServiceDefaults.Messaging;

public static class EventBusAdminEndpoints
{
    /// <summary>
    /// Maps <c>GET /api/v1/admin/events/{resourceName}/dead-letters</c> (paginated, newest first),
    /// <c>POST .../dead-letters/{id}/replay</c> and <c>POST .../dead-letters/replay</c> (all) for tenant owners and
    /// admins. Only the caller's tenant's dead letters exist for them: another tenant's id is 404.
    /// </summary>
    public static IEndpointRouteBuilder MapEventBusAdmin(this IEndpointRouteBuilder routes, string resourceName)
    {
        var group = routes.MapGroup($"/api/v1/admin/events/{resourceName}").WithTags("Event bus").RequireAuthorization(Policies.TenantAdmin);
        group.MapGet("/dead-letters", ListAsync)
            .WithName("ListDeadLetters")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/dead-letters/{id:guid}/replay", ReplayAsync)
            .WithName("ReplayDeadLetter")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/dead-letters/replay", ReplayAllAsync)
            .WithName("ReplayAllDeadLetters")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    private static async Task<Results<Ok<PageResponse<DeadLetter>>, ProblemHttpResult>> ListAsync(
        ITenantContext tenant, IDeadLetters deadLetters, CancellationToken cancellationToken,
        [FromQuery] int page = 1, [FromQuery(Name = "page_size")] int pageSize = IPageRequest.DefaultPageSize)
    {
        var fields = new Dictionary<string, string[]>();
        if (page < 1)
        {
            fields["page"] = ["Must be 1 or more."];
        }
        if (pageSize is < 1 or > IPageRequest.MaxPageSize)
        {
            fields["page_size"] = [$"Must be between 1 and {IPageRequest.MaxPageSize}."];
        }
        if (fields.Count > 0)
        {
            return Error.Validation(fields).ToProblem();
        }
        return TypedResults.Ok(await deadLetters.ListAsync(tenant.TenantId!.Value, page, pageSize, cancellationToken));
    }

    private static async Task<Accepted<DeadLetterReplayAll>> ReplayAllAsync(ITenantContext tenant, IDeadLetters deadLetters, CancellationToken cancellationToken) =>
        TypedResults.Accepted((string?)null, new DeadLetterReplayAll(await deadLetters.ReplayAllAsync(tenant.TenantId!.Value, cancellationToken)));

    private static async Task<Results<Accepted, ProblemHttpResult>> ReplayAsync(
        Guid id, ITenantContext tenant, IDeadLetters deadLetters, CancellationToken cancellationToken) =>
        await deadLetters.ReplayAsync(tenant.TenantId!.Value, id, cancellationToken) switch
        {
            ReplayResult.Replayed => TypedResults.Accepted((string?)null),
            ReplayResult.AlreadyRequested => Error.Conflict("dead_letter_replay_pending", "A replay of this dead letter is already pending.").ToProblem(),
            _ => Error.NotFound("dead_letter").ToProblem(),
        };
}

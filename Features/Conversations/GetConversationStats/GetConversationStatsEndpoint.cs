using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.GetConversationStats;

public sealed class GetConversationStatsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/conversations/stats", async (IMediator mediator, TimeProvider clock, CancellationToken ct, DateOnly? from, DateOnly? to) =>
            {
                var last = to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                return (await mediator.Send(new GetConversationStatsRequest(from ?? last.AddDays(-6), last), ct)).ToHttpResult();
            })
            .WithName("GetConversationStats")
            .WithTags("Conversations")
            .WithSummary("The tenant's conversation traffic per UTC day: conversations, messages, answer latency p50/p95, tokens, cache hits, feedback (owner or admin).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

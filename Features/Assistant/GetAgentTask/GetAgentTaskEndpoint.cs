using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.GetAgentTask;

public sealed class GetAgentTaskEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/agent/tasks/{task_id:guid}", async (Guid task_id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetAgentTaskRequest(task_id), ct)).ToHttpResult())
            .WithName("GetAgentTask")
            .WithTags("Agent")
            .WithSummary("A finished agent run as POST /api/v1/agent/execute answered it.")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

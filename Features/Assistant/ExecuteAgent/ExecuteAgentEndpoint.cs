using System.Net.ServerSentEvents;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.ExecuteAgent;

public sealed class ExecuteAgentEndpoint : IEndpoint
{
    public const string EventStream = "text/event-stream";

    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/agent/execute", async Task<Results<Ok<ExecuteAgentRun>, ServerSentEventsResult<object>, ProblemHttpResult>> (
                ExecuteAgentBody body, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new ExecuteAgentRequest(body), ct);
                if (!result.IsSuccess)
                {
                    return result.Error!.ToProblem();
                }
                if (!http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase)))
                {
                    return TypedResults.Ok(await ExecuteAgentStream.CollectAsync(result.Value!));
                }
                // nginx buffers proxied responses by default; a step must reach the client when it is taken.
                http.Response.Headers["X-Accel-Buffering"] = "no";
                return TypedResults.ServerSentEvents(ExecuteAgentStream.ToSseAsync(result.Value!));
            })
            .WithName("ExecuteAgent")
            .WithTags("Agent")
            .WithSummary("Runs a task with tools (knowledge_search, calculator, http_get, current_time, the tenant's MCP tools); "
                + "Accept: text/event-stream streams the plan, each step, then the run (events plan, step, end).")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}

using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.QueryRag;

public sealed class QueryRagEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/rag/query", async Task<Results<Ok<RagAnswer>, ServerSentEventsResult<object>, ProblemHttpResult>> (
                RagQueryRequest body, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var streamed = QueryRagStream.Wanted(body, http.Request.GetTypedHeaders().Accept);
                var result = await mediator.Send(new QueryRagRequest(body, streamed), ct);
                if (!result.IsSuccess)
                {
                    return result.Error!.ToProblem();
                }
                var events = result.Value!.GetAsyncEnumerator(ct);
                // The first event decides the status: a failure before anything was produced is an ordinary problem response.
                if (!await events.MoveNextAsync() || events.Current is QueryRagFailed || !streamed)
                {
                    await using (events)
                    {
                        var answer = await QueryRagStream.CollectAsync(events);
                        return answer.IsSuccess ? TypedResults.Ok(answer.Value) : answer.Error!.ToProblem();
                    }
                }
                // nginx buffers proxied responses by default; an answer must reach the client as it is produced.
                http.Response.Headers["X-Accel-Buffering"] = "no";
                return TypedResults.ServerSentEvents(QueryRagStream.ToSseAsync(events));
            })
            .WithName("QueryRag")
            .WithTags("Assistant")
            .WithSummary("Answers a question from the tenant's knowledge bases with citations; stream=true (or Accept: text/event-stream) "
                + "answers as server-sent events refs, token, end.")
            .RequireAuthorization(Policies.Converse)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}

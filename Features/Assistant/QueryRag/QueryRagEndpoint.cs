using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.QueryRag;

public sealed class QueryRagEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/rag/query", async (QueryRagRequest request, HttpContext http, IMediator mediator,
                IOptions<JsonOptions> json, CancellationToken ct) =>
            {
                if (!request.Stream)
                {
                    return (await mediator.Send(request, ct)).ToHttpResult();
                }
                var stream = new QueryRagEventStream(http.Response, json);
                return await stream.CompleteAsync(await mediator.Send(request with { Sink = stream }, ct), ct);
            })
            .WithName("QueryRag")
            .WithTags("Assistant")
            .WithSummary("Answers a question from the tenant's knowledge bases with citations; stream=true answers as server-sent events.")
            .RequireAuthorization(Policies.Authenticated)
            .Produces<QueryRagResponse>()
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}

using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using VoiceHelper.Assistant.QueryRag;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.ChatCompletions;

public sealed class ChatCompletionsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/v1/chat/completions", async Task<Results<Ok<ChatCompletionsResponse>, ServerSentEventsResult<string>, ProblemHttpResult>> (
                ChatCompletionsRequest request, HttpContext http, IMediator mediator, IOptions<JsonOptions> json, CancellationToken ct) =>
            {
                var result = await mediator.Send(request, ct);
                if (!result.IsSuccess)
                {
                    return result.Error!.ToProblem();
                }
                var run = result.Value!;
                var events = run.Events.GetAsyncEnumerator(ct);
                // As for /api/v1/rag/query: a failure before anything was produced is an ordinary problem response.
                if (!await events.MoveNextAsync() || events.Current is QueryRagFailed || !request.Stream)
                {
                    await using (events)
                    {
                        var answer = await QueryRagStream.CollectAsync(events);
                        return answer.IsSuccess ? TypedResults.Ok(ChatCompletionsResponse.From(run, answer.Value!)) : answer.Error!.ToProblem();
                    }
                }
                http.Response.Headers["X-Accel-Buffering"] = "no";
                return TypedResults.ServerSentEvents(ChatCompletionsStream.ToSseAsync(run, events, json.Value.SerializerOptions));
            })
            .WithName("ChatCompletions")
            .WithTags("OpenAI-compatible")
            .WithSummary("OpenAI's chat completions (stream=true: chat.completion.chunk events and data: [DONE]); the model names the "
                + "knowledge (GET /v1/models) and the answer is VoiceHelper's grounded answer with its cited sources.")
            .RequireAuthorization(Policies.Chat)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VoiceHelper.Conversations.Common;
using VoiceHelper.Conversations.SendMessage;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.PrepareAnswer;

/// <summary>
/// Streams an answer to a question that is not stored (server-sent events): <c>prepared</c> (its id), <c>refs</c>,
/// <c>token</c>s and <c>end</c> (the prepared answer). <c>POST .../messages</c> with <c>prepared_answer_id</c> then
/// stores the question and this answer; unused, it expires. Used by voice calls to answer while the caller may still
/// go on.
/// </summary>
public sealed class PrepareAnswerEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var bodyLimit = routes.ServiceProvider.GetRequiredService<IOptions<ConversationsOptions>>().Value.MaxMessageBodyBytes;
        routes.MapPost("/api/v1/conversations/{id:guid}/messages/prepare", async (Guid id, PrepareAnswerBody body, HttpContext http,
                IMediator mediator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IOptions<ConversationsOptions> options, CancellationToken ct) =>
            {
                var stream = new SendMessageEventWriter(http.Response, json.Value.SerializerOptions);
                var result = await mediator.Send(new PrepareAnswerRequest(id, body.Content,
                    (prepared, token) => stream.WriteAsync("prepared", new
                    {
                        prepared_answer_id = prepared.Id,
                        base_sequence = prepared.BaseSequence,
                        expires_in_ms = (long)options.Value.PreparedAnswerTtl.TotalMilliseconds,
                    }, token),
                    stream.WriteAsync, WidgetVisitor.KnowledgeBases(http.User)), ct);
                if (!stream.Started && !result.IsSuccess)
                {
                    return result.Error!.ToProblem();
                }
                try
                {
                    await (result.IsSuccess
                        ? stream.WriteAsync("end", new
                        {
                            prepared_answer_id = result.Value!.Id,
                            status = result.Value.Status,
                            content = result.Value.Content,
                            sources = result.Value.Sources,
                        }, CancellationToken.None)
                        : stream.WriteAsync("error", new { code = result.Error!.Code, detail = result.Error.Message }, CancellationToken.None));
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
                {
                    // The asker left; the answer is kept as far as it got.
                }
                return Results.Empty;
            })
            .WithName("PrepareAnswer")
            .WithTags("Conversations")
            .WithSummary("Streams an answer to a question without storing either; a send with prepared_answer_id stores both.")
            .RequireAuthorization(Policies.Converse)
            .WithMetadata(new RequestSizeLimitAttribute(bodyLimit))
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}

using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.SendMessage;

/// <summary>
/// JSON by default; with <c>Accept: text/event-stream</c> the answer streams as <c>refs</c>, <c>token</c> and a
/// final <c>end</c> (the stored message) or <c>error</c>. The stream starts with the first event, so a failure
/// before it (not found, invalid, Assistant down) is still an ordinary ProblemDetails response.
/// </summary>
public sealed class SendMessageEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var bodyLimit = routes.ServiceProvider.GetRequiredService<IOptions<ConversationsOptions>>().Value.MaxMessageBodyBytes;
        routes.MapPost("/api/v1/conversations/{id:guid}/messages", async (Guid id, SendMessageBody body, HttpContext http,
                IMediator mediator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct) =>
            {
                var request = new SendMessageRequest(id, body.Content, body.Modality ?? body.Channel ?? "text", KbIds: WidgetVisitor.KnowledgeBases(http.User),
                    PreparedAnswerId: body.PreparedAnswerId);
                if (!http.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
                {
                    return (await mediator.Send(request, ct)).ToHttpResult();
                }
                var stream = new SendMessageEventWriter(http.Response, json.Value.SerializerOptions);
                var result = await mediator.Send(request with { OnEvent = stream.WriteAsync }, ct);
                if (!stream.Started && !result.IsSuccess)
                {
                    return result.Error!.ToProblem();
                }
                await stream.FinishAsync(result);
                return Results.Empty;
            })
            .WithName("SendMessage")
            .WithTags("Conversations")
            .WithSummary("Asks a question in a conversation and returns (or streams) the stored assistant message.")
            .RequireAuthorization(Policies.Converse)
            // An oversized body is refused while it is read (413), before anything is buffered or validated.
            .WithMetadata(new RequestSizeLimitAttribute(bodyLimit))
            .Produces<MessageResponse>()
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status502BadGateway);
    }
}

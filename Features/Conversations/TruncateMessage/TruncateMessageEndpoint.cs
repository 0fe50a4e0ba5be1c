using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.TruncateMessage;

public sealed class TruncateMessageEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/conversations/{id:guid}/messages/{messageId:guid}/truncate",
                async (Guid id, Guid messageId, TruncateMessageBody body, IMediator mediator, CancellationToken ct) =>
                    (await mediator.Send(new TruncateMessageRequest(id, messageId, body.SpokenText), ct)).ToHttpResult())
            .WithName("TruncateMessage")
            .WithTags("Conversations")
            .WithSummary("Cuts an assistant message to the text that was actually spoken (voice barge-in).")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

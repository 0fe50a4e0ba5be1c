using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.SubmitFeedback;

public sealed class SubmitFeedbackEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/conversations/{id:guid}/messages/{messageId:guid}/feedback",
                async (Guid id, Guid messageId, SubmitFeedbackBody body, IMediator mediator, CancellationToken ct) =>
                    (await mediator.Send(new SubmitFeedbackRequest(id, messageId, body.Rating, body.Comment), ct)).ToHttpResult())
            .WithName("SubmitFeedback")
            .WithTags("Conversations")
            .WithSummary("Rates an assistant message up or down, with an optional comment.")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

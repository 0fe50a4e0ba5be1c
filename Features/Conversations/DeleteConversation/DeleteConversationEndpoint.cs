using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.DeleteConversation;

public sealed class DeleteConversationEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/api/v1/conversations/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new DeleteConversationRequest(id), ct)).ToHttpResult())
            .WithName("DeleteConversation")
            .WithTags("Conversations")
            .WithSummary("Deletes one of the caller's conversations, a widget visitor's own too (its messages are kept for audit until retention removes them).")
            .RequireAuthorization(Policies.Converse)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

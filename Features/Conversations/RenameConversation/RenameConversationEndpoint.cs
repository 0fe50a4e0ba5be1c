using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.RenameConversation;

public sealed class RenameConversationEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPatch("/api/v1/conversations/{id:guid}", async (Guid id, RenameConversationBody body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new RenameConversationRequest(id, body.Title), ct)).ToHttpResult())
            .WithName("RenameConversation")
            .WithTags("Conversations")
            .WithSummary("Renames one of the caller's conversations (a widget visitor's own too).")
            .RequireAuthorization(Policies.Converse)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

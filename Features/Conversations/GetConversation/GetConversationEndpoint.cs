using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.GetConversation;

public sealed class GetConversationEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/conversations/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetConversationRequest(id), ct)).ToHttpResult())
            .WithName("GetConversation")
            .WithTags("Conversations")
            .WithSummary("One conversation of the caller (owners and admins may read any in the tenant).")
            .RequireAuthorization(Policies.Converse)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.CreateConversation;

public sealed class CreateConversationEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/conversations", async (CreateConversationRequest request, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request, ct))
                    .ToHttpResult(conversation => TypedResults.Created($"/api/v1/conversations/{conversation.Id}", conversation)))
            .WithName("CreateConversation")
            .WithTags("Conversations")
            .WithSummary("Starts a conversation of the caller, with optional knowledge bases and answer settings.")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}

using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.CreateConversation;

public sealed class CreateConversationEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/conversations", async (CreateConversationRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request with
                    {
                        WidgetKeyId = Guid.TryParse(http.User.FindFirst(VoiceHelper.Contracts.ClaimNames.WidgetKey)?.Value, out var key) ? key : null,
                        // A visitor asks its widget key's knowledge bases, whatever the widget sent.
                        KbIds = WidgetVisitor.KnowledgeBases(http.User) ?? request.KbIds,
                    }, ct))
                    .ToHttpResult(conversation => TypedResults.Created($"/api/v1/conversations/{conversation.Id}", conversation)))
            .WithName("CreateConversation")
            .WithTags("Conversations")
            .WithSummary("Starts a conversation of the caller (a user, or a widget visitor: channel widget), with optional knowledge bases (a visitor's are its widget key's) and answer settings.")
            .RequireAuthorization(Policies.Converse)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}

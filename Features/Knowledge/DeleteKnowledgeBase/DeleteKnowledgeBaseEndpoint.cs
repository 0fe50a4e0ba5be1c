using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Knowledge.DeleteKnowledgeBase;

public sealed class DeleteKnowledgeBaseEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/api/v1/knowledge/bases/{kb_id:guid}", async (Guid kb_id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new DeleteKnowledgeBaseRequest(kb_id), ct)).ToHttpResult())
            .WithName("DeleteKnowledgeBase")
            .WithTags("Knowledge bases")
            .WithSummary("Deletes a knowledge base with all its documents, chunks, vectors and keyword entries.")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Knowledge.DeleteDocument;

public sealed class DeleteDocumentEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete("/api/v1/knowledge/documents/{document_id:guid}", async (Guid document_id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new DeleteDocumentRequest(document_id), ct)).ToHttpResult())
            .WithName("DeleteDocument")
            .WithTags("Documents")
            .WithSummary("Deletes a document with its chunks, vectors and keyword entries (also while it is being ingested).")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

using MediatR;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Knowledge.GetDocument;

public sealed class GetDocumentEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/knowledge/documents/{document_id:guid}", async (Guid document_id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetDocumentRequest(document_id), ct)).ToHttpResult())
            .WithName("GetDocument")
            .WithTags("Documents")
            .WithSummary("Gets a document's ingestion status (pending, processing, indexed, failed), progress, chunk count and error.")
            .WithDescription("error_code is one of: corrupt_pdf, encrypted_pdf, corrupt_docx, empty_text, unsupported_type, internal_error.")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

using MediatR;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Knowledge.ListDocuments;

public sealed class ListDocumentsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/knowledge/bases/{kb_id:guid}/documents", async (Guid kb_id, IMediator mediator, CancellationToken ct,
                int page = 1, int page_size = IPageRequest.DefaultPageSize, string? status = null) =>
                (await mediator.Send(new ListDocumentsRequest(kb_id, page, page_size, status), ct)).ToHttpResult())
            .WithName("ListDocuments")
            .WithTags("Documents")
            .WithSummary("Lists a knowledge base's documents with their ingestion status, newest first; status filters to one of pending, processing, indexed, failed.")
            .WithDescription("Each item is what GET /api/v1/knowledge/documents/{id} answers; error_code is one of: corrupt_pdf, encrypted_pdf, "
                + "corrupt_docx, empty_text, unsupported_type, internal_error.")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

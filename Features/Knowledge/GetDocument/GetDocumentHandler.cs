using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.GetDocument;

public sealed class GetDocumentHandler(KnowledgeDbContext db) : IRequestHandler<GetDocumentRequest, Result<DocumentResponse>>
{
    public async Task<Result<DocumentResponse>> Handle(GetDocumentRequest request, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.Id, cancellationToken);
        return document is null ? KnowledgeErrors.DocumentNotFound : DocumentResponse.From(document);
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.DeleteDocument;

public sealed class DeleteDocumentHandler(KnowledgeDbContext db) : IRequestHandler<DeleteDocumentRequest, Result<bool>>
{
    public async Task<Result<bool>> Handle(DeleteDocumentRequest request, CancellationToken cancellationToken)
    {
        // Cascades to the original, chunks and postings. A worker still processing the document finds the row gone
        // when it locks it to write its chunks, and drops its work.
        var deleted = await db.Documents.Where(d => d.Id == request.Id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? KnowledgeErrors.DocumentNotFound : true;
    }
}

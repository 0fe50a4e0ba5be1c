using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.DeleteKnowledgeBase;

public sealed class DeleteKnowledgeBaseHandler(KnowledgeDbContext db) : IRequestHandler<DeleteKnowledgeBaseRequest, Result<bool>>
{
    public async Task<Result<bool>> Handle(DeleteKnowledgeBaseRequest request, CancellationToken cancellationToken)
    {
        // Documents, originals, chunks, vectors, postings and statistics go with it through ON DELETE CASCADE, in one statement.
        var deleted = await db.KnowledgeBases.Where(k => k.Id == request.Id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? KnowledgeErrors.KnowledgeBaseNotFound : true;
    }
}

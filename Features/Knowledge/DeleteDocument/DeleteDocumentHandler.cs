using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Contracts.Events;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;
using Wolverine.EntityFrameworkCore;

namespace VoiceHelper.Knowledge.DeleteDocument;

public sealed class DeleteDocumentHandler(KnowledgeDbContext db, IDbContextOutbox<KnowledgeDbContext> outbox, ITenantContext caller, TimeProvider clock)
    : IRequestHandler<DeleteDocumentRequest, Result>
{
    public async Task<Result> Handle(DeleteDocumentRequest request, CancellationToken cancellationToken)
    {
        var knowledgeBaseId = await db.Documents.Where(d => d.Id == request.Id).Select(d => (Guid?)d.KnowledgeBaseId)
            .FirstOrDefaultAsync(cancellationToken);
        if (knowledgeBaseId is null)
        {
            return KnowledgeErrors.DocumentNotFound;
        }
        // Cascades to the original, chunks and postings. A worker still processing the document finds the row gone
        // when it locks it to write its chunks, and drops its work. The event (answers cached over this base are
        // stale) commits with the delete.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.Documents.Where(d => d.Id == request.Id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return KnowledgeErrors.DocumentNotFound;
        }
        await outbox.PublishAsync(new DocumentDeleted(db.CurrentTenantId, caller.UserId, knowledgeBaseId.Value, request.Id, clock.GetUtcNow()));
        await transaction.CommitAsync(cancellationToken);
        await outbox.FlushOutgoingMessagesAsync();
        return Result.Success;
    }
}

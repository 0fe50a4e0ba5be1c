using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Contracts.Events;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;
using Wolverine.EntityFrameworkCore;

namespace VoiceHelper.Knowledge.DeleteKnowledgeBase;

public sealed class DeleteKnowledgeBaseHandler(KnowledgeDbContext db, IDbContextOutbox<KnowledgeDbContext> outbox, ITenantContext caller, TimeProvider clock)
    : IRequestHandler<DeleteKnowledgeBaseRequest, Result>
{
    public async Task<Result> Handle(DeleteKnowledgeBaseRequest request, CancellationToken cancellationToken)
    {
        // Documents, originals, chunks, vectors, postings and statistics go with it through ON DELETE CASCADE, in one
        // statement; the event commits with it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.KnowledgeBases.Where(k => k.Id == request.Id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return KnowledgeErrors.KnowledgeBaseNotFound;
        }
        await outbox.PublishAsync(new DocumentDeleted(db.CurrentTenantId, caller.UserId, request.Id, null, clock.GetUtcNow()));
        await transaction.CommitAsync(cancellationToken);
        await outbox.FlushOutgoingMessagesAsync();
        return Result.Success;
    }
}

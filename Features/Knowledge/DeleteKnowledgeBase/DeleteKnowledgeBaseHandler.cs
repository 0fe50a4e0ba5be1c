using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
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
        // statement; the event commits with it. An ingestion worker writing a document of this base at the same moment
        // locks the same rows in the other order: PostgreSQL ends one of the two with a deadlock, and if it is this
        // statement it is simply run again (nothing was published yet).
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            int deleted;
            try
            {
                deleted = await db.KnowledgeBases.Where(k => k.Id == request.Id).ExecuteDeleteAsync(cancellationToken);
            }
            catch (Exception exception) when (IsDeadlock(exception) && attempt < MaxAttempts)
            {
                continue;
            }
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

    private const int MaxAttempts = 3;

    private static bool IsDeadlock(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException)?.SqlState == PostgresErrorCodes.DeadlockDetected;
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VoiceHelper.Contracts;
using VoiceHelper.Contracts.Events;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;
using Wolverine.EntityFrameworkCore;

namespace VoiceHelper.Knowledge.UploadDocument;

public sealed class UploadDocumentHandler(KnowledgeDbContext db, IDbContextOutbox<KnowledgeDbContext> outbox, ITenantContext caller,
    TimeProvider clock) : IRequestHandler<UploadDocumentRequest, Result<UploadDocumentResponse>>
{
    public async Task<Result<UploadDocumentResponse>> Handle(UploadDocumentRequest request, CancellationToken cancellationToken)
    {
        if (!await db.KnowledgeBases.AnyAsync(k => k.Id == request.KnowledgeBaseId, cancellationToken))
        {
            return KnowledgeErrors.KnowledgeBaseNotFound;
        }
        var decided = UploadDocumentDecision.Decide(request);
        if (!decided.IsSuccess)
        {
            return decided.Error!;
        }
        var upload = decided.Value!;
        if (await FindSameContent(request.KnowledgeBaseId, upload.Sha256, cancellationToken) is { } existing)
        {
            return existing;
        }
        // Same file name in the same knowledge base = a new version; the old one stays searchable until this one is indexed.
        var previous = await db.Documents.AsNoTracking()
            .Where(d => d.KnowledgeBaseId == request.KnowledgeBaseId && d.FileName == request.FileName)
            .OrderByDescending(d => d.CreatedAt).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var document = new Document
        {
            Id = Guid.CreateVersion7(now),
            KnowledgeBaseId = request.KnowledgeBaseId,
            Title = upload.Title,
            FileName = request.FileName,
            ContentType = upload.ContentType,
            SizeBytes = request.Content.Length,
            Sha256 = upload.Sha256,
            Metadata = upload.Metadata,
            Status = DocumentStatus.Pending,
            ReplacesDocumentId = previous,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Documents.Add(document);
        db.DocumentContents.Add(new DocumentContent { DocumentId = document.Id, Content = request.Content });
        try
        {
            // The original, the row and the event commit together: the 202 means the file is durable and will be ingested.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await outbox.PublishAsync(new DocumentUploaded(db.CurrentTenantId, caller.UserId, document.Id, document.KnowledgeBaseId,
                document.FileName, document.ContentType, document.SizeBytes, $"knowledgedb:document_contents/{document.Id}", now));
            await transaction.CommitAsync(cancellationToken);
            await outbox.FlushOutgoingMessagesAsync();
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent upload of the same bytes won the race: answer with its document.
            db.ChangeTracker.Clear();
            return await FindSameContent(request.KnowledgeBaseId, upload.Sha256, cancellationToken)
                ?? throw new InvalidOperationException("The unique document vanished after a conflict.", ex);
        }
        return new UploadDocumentResponse(document.Id, document.Status, Duplicate: false, previous);
    }

    private async Task<UploadDocumentResponse?> FindSameContent(Guid knowledgeBaseId, string sha256, CancellationToken cancellationToken) =>
        await db.Documents.AsNoTracking()
            .Where(d => d.KnowledgeBaseId == knowledgeBaseId && d.Sha256 == sha256)
            .Select(d => new UploadDocumentResponse(d.Id, d.Status, true, d.ReplacesDocumentId))
            .FirstOrDefaultAsync(cancellationToken);
}

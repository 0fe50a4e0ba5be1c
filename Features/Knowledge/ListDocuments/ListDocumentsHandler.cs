using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.ListDocuments;

public sealed class ListDocumentsHandler(KnowledgeDbContext db)
    : IRequestHandler<ListDocumentsRequest, Result<PageResponse<DocumentResponse>>>
{
    public async Task<Result<PageResponse<DocumentResponse>>> Handle(ListDocumentsRequest request, CancellationToken cancellationToken)
    {
        var query = db.Documents.AsNoTracking().Where(d => d.KnowledgeBaseId == request.KnowledgeBaseId);
        // An empty status (a form's blank field, status=) means no filter, as an absent one does.
        if (!string.IsNullOrEmpty(request.Status))
        {
            query = query.Where(d => d.Status == request.Status);
        }
        // The id tie-break makes the order total, so that pages neither repeat nor skip documents created in the same instant.
        var rows = await query
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize + 1)
            .ToListAsync(cancellationToken);
        // A document implies its knowledge base (foreign key, same tenant filter): only an empty page needs to ask
        // whether the knowledge base is there at all, so that another tenant's or a deleted one answers 404.
        if (rows.Count == 0 && !await db.KnowledgeBases.AnyAsync(k => k.Id == request.KnowledgeBaseId, cancellationToken))
        {
            return KnowledgeErrors.KnowledgeBaseNotFound;
        }
        return PageResponse<DocumentResponse>.FromOverfetched(rows.Select(DocumentResponse.From).ToList(), request.Page, request.PageSize);
    }
}

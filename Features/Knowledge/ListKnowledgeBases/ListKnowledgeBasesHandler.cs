using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.ListKnowledgeBases;

public sealed class ListKnowledgeBasesHandler(KnowledgeDbContext db)
    : IRequestHandler<ListKnowledgeBasesRequest, Result<PageResponse<KnowledgeBaseResponse>>>
{
    public async Task<Result<PageResponse<KnowledgeBaseResponse>>> Handle(ListKnowledgeBasesRequest request, CancellationToken cancellationToken)
    {
        var rows = await db.KnowledgeBases.AsNoTracking()
            .OrderByDescending(kb => kb.CreatedAt).ThenBy(kb => kb.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize + 1)
            .ToListAsync(cancellationToken);
        return PageResponse<KnowledgeBaseResponse>.FromOverfetched(rows.Select(kb => KnowledgeBaseResponse.From(kb)).ToList(), request.Page, request.PageSize);
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.GetKnowledgeBase;

public sealed class GetKnowledgeBaseHandler(KnowledgeDbContext db) : IRequestHandler<GetKnowledgeBaseRequest, Result<KnowledgeBaseResponse>>
{
    public async Task<Result<KnowledgeBaseResponse>> Handle(GetKnowledgeBaseRequest request, CancellationToken cancellationToken)
    {
        var kb = await db.KnowledgeBases.AsNoTracking().FirstOrDefaultAsync(k => k.Id == request.Id, cancellationToken);
        return kb is null ? KnowledgeErrors.KnowledgeBaseNotFound : KnowledgeBaseResponse.From(kb);
    }
}

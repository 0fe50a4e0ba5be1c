using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.UpdateKnowledgeBase;

public sealed class UpdateKnowledgeBaseHandler(KnowledgeDbContext db, TimeProvider clock)
    : IRequestHandler<UpdateKnowledgeBaseRequest, Result<KnowledgeBaseResponse>>
{
    public async Task<Result<KnowledgeBaseResponse>> Handle(UpdateKnowledgeBaseRequest request, CancellationToken cancellationToken)
    {
        var kb = await db.KnowledgeBases.FirstOrDefaultAsync(k => k.Id == request.Id, cancellationToken);
        if (kb is null)
        {
            return KnowledgeErrors.KnowledgeBaseNotFound;
        }
        if (UpdateKnowledgeBaseDecision.Apply(kb, request) is { } error)
        {
            return error;
        }
        kb.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return KnowledgeBaseResponse.From(kb);
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.RenameConversation;

public sealed class RenameConversationHandler(ConversationsDbContext db, ITenantContext caller, TimeProvider clock)
    : IRequestHandler<RenameConversationRequest, Result<ConversationResponse>>
{
    public async Task<Result<ConversationResponse>> Handle(RenameConversationRequest request, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == request.ConversationId, cancellationToken);
        if (!ConversationAccess.CanWrite(conversation, caller.UserId))
        {
            return ConversationErrors.ConversationNotFound;
        }
        conversation!.Title = request.Title!.Trim();
        conversation.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return ConversationResponse.From(conversation);
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.GetConversation;

public sealed class GetConversationHandler(ConversationsDbContext db, ITenantContext caller)
    : IRequestHandler<GetConversationRequest, Result<ConversationResponse>>
{
    public async Task<Result<ConversationResponse>> Handle(GetConversationRequest request, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.ConversationId, cancellationToken);
        return ConversationAccess.CanRead(conversation, caller.UserId, caller.Roles)
            ? ConversationResponse.From(conversation!)
            : ConversationErrors.ConversationNotFound;
    }
}

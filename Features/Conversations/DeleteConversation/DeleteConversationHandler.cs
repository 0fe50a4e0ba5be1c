using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Conversations.Common;
using VoiceHelper.Conversations.PurgeDeletedConversations;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.DeleteConversation;

/// <summary>Soft delete: the conversation disappears for clients at once; <see cref="PurgeDeletedConversationsService"/> removes it later.</summary>
public sealed class DeleteConversationHandler(ConversationsDbContext db, ITenantContext caller, TimeProvider clock)
    : IRequestHandler<DeleteConversationRequest, Result>
{
    public async Task<Result> Handle(DeleteConversationRequest request, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == request.ConversationId, cancellationToken);
        if (!ConversationAccess.CanWrite(conversation, caller.UserId))
        {
            return ConversationErrors.ConversationNotFound;
        }
        conversation!.DeletedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.TruncateMessage;

/// <summary>
/// Voice barge-in: the caller interrupted, so the answer is cut to what was played. The conversation is locked
/// like a send (a truncation never interleaves with a turn) and its context version moves, so the cached context
/// is rebuilt and the next turn's history holds only what the caller heard.
/// </summary>
public sealed class TruncateMessageHandler(ConversationsDbContext db, ITenantContext caller, TimeProvider clock)
    : IRequestHandler<TruncateMessageRequest, Result<MessageResponse>>
{
    public async Task<Result<MessageResponse>> Handle(TruncateMessageRequest request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var conversation = await ConversationLock.LockAsync(db, request.ConversationId, cancellationToken);
        if (!ConversationAccess.CanWrite(conversation, caller.UserId))
        {
            return ConversationErrors.ConversationNotFound;
        }
        var message = await db.Messages.SingleOrDefaultAsync(
            m => m.Id == request.MessageId && m.ConversationId == request.ConversationId, cancellationToken);
        var decision = TruncateMessageDecision.Decide(message, request.SpokenText!);
        if (!decision.IsSuccess)
        {
            return decision.Error!;
        }
        if (message!.Content != decision.Value)
        {
            message.Content = decision.Value!;
            message.Status = MessageStatuses.Interrupted;
            conversation!.ContextVersion++;
            conversation.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return MessageResponse.From(message);
    }
}

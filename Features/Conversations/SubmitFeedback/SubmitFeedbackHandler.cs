using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Contracts.Events;
using VoiceHelper.Conversations.Common;
using Wolverine.EntityFrameworkCore;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.SubmitFeedback;

/// <summary>Thumbs up or down on an answer; a second vote by the same user replaces the first.</summary>
public sealed class SubmitFeedbackHandler(ConversationsDbContext db, IDbContextOutbox<ConversationsDbContext> outbox, ITenantContext caller,
    TimeProvider clock)
    : IRequestHandler<SubmitFeedbackRequest, Result<SubmitFeedbackResponse>>
{
    public async Task<Result<SubmitFeedbackResponse>> Handle(SubmitFeedbackRequest request, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.ConversationId, cancellationToken);
        if (!ConversationAccess.CanWrite(conversation, caller.UserId))
        {
            return ConversationErrors.ConversationNotFound;
        }
        var message = await db.Messages.AsNoTracking()
            .Where(m => m.Id == request.MessageId && m.ConversationId == request.ConversationId)
            .Select(m => new { m.Role, m.CreatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return ConversationErrors.MessageNotFound;
        }
        if (message.Role != MessageRoles.Assistant)
        {
            return ConversationErrors.NotAnAssistantMessage;
        }
        var userId = caller.UserId!.Value;
        var feedback = await db.Feedback.SingleOrDefaultAsync(f => f.MessageId == request.MessageId && f.UserId == userId, cancellationToken);
        if (feedback is null)
        {
            feedback = new MessageFeedback { MessageId = request.MessageId, UserId = userId, Rating = request.Rating! };
            db.Feedback.Add(feedback);
        }
        feedback.Rating = request.Rating!;
        feedback.Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        feedback.CreatedAt = clock.GetUtcNow();
        // The rating and its event commit together (the Assistant's A/B results count it).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.PublishAsync(new ConversationFeedbackSubmitted(caller.TenantId!.Value, userId, request.ConversationId, request.MessageId,
            feedback.Rating, message.CreatedAt, feedback.CreatedAt));
        await transaction.CommitAsync(CancellationToken.None);
        await outbox.FlushOutgoingMessagesAsync();
        return new SubmitFeedbackResponse(feedback.MessageId, feedback.Rating, feedback.Comment, feedback.CreatedAt);
    }
}

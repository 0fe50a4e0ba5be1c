using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.SubmitFeedback;

/// <summary>Thumbs up or down on an answer; a second vote by the same user replaces the first.</summary>
public sealed class SubmitFeedbackHandler(ConversationsDbContext db, ITenantContext caller, TimeProvider clock)
    : IRequestHandler<SubmitFeedbackRequest, Result<SubmitFeedbackResponse>>
{
    public async Task<Result<SubmitFeedbackResponse>> Handle(SubmitFeedbackRequest request, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.ConversationId, cancellationToken);
        if (!ConversationAccess.CanWrite(conversation, caller.UserId))
        {
            return ConversationErrors.ConversationNotFound;
        }
        var role = await db.Messages.AsNoTracking()
            .Where(m => m.Id == request.MessageId && m.ConversationId == request.ConversationId)
            .Select(m => m.Role)
            .SingleOrDefaultAsync(cancellationToken);
        if (role is null)
        {
            return ConversationErrors.MessageNotFound;
        }
        if (role != MessageRoles.Assistant)
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
        await db.SaveChangesAsync(cancellationToken);
        return new SubmitFeedbackResponse(feedback.MessageId, feedback.Rating, feedback.Comment, feedback.CreatedAt);
    }
}

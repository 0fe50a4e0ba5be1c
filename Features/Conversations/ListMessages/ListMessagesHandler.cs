using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.ListMessages;

public sealed class ListMessagesHandler(ConversationsDbContext db, ITenantContext caller)
    : IRequestHandler<ListMessagesRequest, Result<PageResponse<MessageResponse>>>
{
    public async Task<Result<PageResponse<MessageResponse>>> Handle(ListMessagesRequest request, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.ConversationId, cancellationToken);
        if (!ConversationAccess.CanRead(conversation, caller.UserId, caller.Roles))
        {
            return ConversationErrors.ConversationNotFound;
        }
        var rows = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == request.ConversationId)
            .OrderBy(m => m.Sequence)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize + 1)
            .ToListAsync(cancellationToken);
        return PageResponse<MessageResponse>.FromOverfetched(rows.Select(MessageResponse.From).ToList(), request.Page, request.PageSize);
    }
}

using MediatR;
using Microsoft.Extensions.Options;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.CreateConversation;

public sealed class CreateConversationHandler(
    ConversationsDbContext db, ITenantContext caller, IOptions<ConversationsOptions> options, TimeProvider clock)
    : IRequestHandler<CreateConversationRequest, Result<ConversationResponse>>
{
    public async Task<Result<ConversationResponse>> Handle(CreateConversationRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var conversation = CreateConversationDecision.Decide(request, caller.UserId!.Value, options.Value, Guid.CreateVersion7(now), now);
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        return ConversationResponse.From(conversation);
    }
}

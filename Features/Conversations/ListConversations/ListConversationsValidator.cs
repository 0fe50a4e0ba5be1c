using FluentValidation;
using VoiceHelper.Conversations.Common;

namespace VoiceHelper.Conversations.ListConversations;

public sealed class ListConversationsValidator : AbstractValidator<ListConversationsRequest>
{
    public ListConversationsValidator()
    {
        RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
        RuleFor(r => r.PageSize).InclusiveBetween(1, PageResponse<ConversationResponse>.MaxPageSize);
    }
}

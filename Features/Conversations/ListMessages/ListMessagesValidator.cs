using FluentValidation;
using VoiceHelper.Conversations.Common;

namespace VoiceHelper.Conversations.ListMessages;

public sealed class ListMessagesValidator : AbstractValidator<ListMessagesRequest>
{
    public ListMessagesValidator()
    {
        RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
        RuleFor(r => r.PageSize).InclusiveBetween(1, PageResponse<MessageResponse>.MaxPageSize);
    }
}

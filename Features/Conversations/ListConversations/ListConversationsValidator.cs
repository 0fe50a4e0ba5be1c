using FluentValidation;
using VoiceHelper.Conversations.Common;

namespace VoiceHelper.Conversations.ListConversations;

public sealed class ListConversationsValidator : AbstractValidator<ListConversationsRequest>
{
    public ListConversationsValidator() =>
        RuleFor(r => r.Channel).Must(c => c is null || ConversationChannels.All.Contains(c))
            .WithMessage($"Use one of: {string.Join(", ", ConversationChannels.All)}.");
}

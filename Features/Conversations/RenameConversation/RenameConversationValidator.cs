using FluentValidation;
using VoiceHelper.Conversations.CreateConversation;

namespace VoiceHelper.Conversations.RenameConversation;

public sealed class RenameConversationValidator : AbstractValidator<RenameConversationRequest>
{
    public RenameConversationValidator() =>
        RuleFor(r => r.Title).NotEmpty().MaximumLength(CreateConversationValidator.MaxTitleLength);
}

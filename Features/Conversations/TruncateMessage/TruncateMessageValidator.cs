using FluentValidation;

namespace VoiceHelper.Conversations.TruncateMessage;

public sealed class TruncateMessageValidator : AbstractValidator<TruncateMessageRequest>
{
    public TruncateMessageValidator() => RuleFor(r => r.SpokenText).NotNull();
}

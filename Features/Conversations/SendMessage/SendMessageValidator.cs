using FluentValidation;
using Microsoft.Extensions.Options;
using VoiceHelper.Conversations.Common;

namespace VoiceHelper.Conversations.SendMessage;

public sealed class SendMessageValidator : AbstractValidator<SendMessageRequest>
{
    public static readonly string[] Channels = ["text", "voice"];

    public SendMessageValidator(IOptions<ConversationsOptions> options)
    {
        // NotEmpty also refuses whitespace only: there is nothing to answer.
        RuleFor(r => r.Content).NotEmpty().MaximumLength(options.Value.MaxMessageChars);
        RuleFor(r => r.Channel).Must(c => Channels.Contains(c)).WithMessage("Channel must be text or voice.");
    }
}

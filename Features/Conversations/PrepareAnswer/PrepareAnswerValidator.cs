using FluentValidation;
using Microsoft.Extensions.Options;
using VoiceHelper.Conversations.Common;

namespace VoiceHelper.Conversations.PrepareAnswer;

public sealed class PrepareAnswerValidator : AbstractValidator<PrepareAnswerRequest>
{
    public PrepareAnswerValidator(IOptions<ConversationsOptions> options) =>
        RuleFor(r => r.Content).NotEmpty().MaximumLength(options.Value.MaxMessageChars);
}

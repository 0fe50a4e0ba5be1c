using FluentValidation;
using VoiceHelper.Contracts;

namespace VoiceHelper.Conversations.CreateConversation;

public sealed class CreateConversationValidator : AbstractValidator<CreateConversationRequest>
{
    public const int MaxTitleLength = 200;

    public CreateConversationValidator()
    {
        RuleFor(r => r.Title).MaximumLength(MaxTitleLength);
        RuleFor(r => r.KbIds).Must(ids => ids is null || ids.Length <= 20).WithMessage("At most 20 knowledge bases.");
        RuleFor(r => r.Settings!.TopK).InclusiveBetween(1, 50).When(r => r.Settings?.TopK is not null);
        RuleFor(r => r.Settings!.ContextMaxTurns).InclusiveBetween(0, ConversationLimits.MaxContextTurns).When(r => r.Settings?.ContextMaxTurns is not null);
        RuleFor(r => r.Settings!.ContextMaxTokens).InclusiveBetween(0, 128_000).When(r => r.Settings?.ContextMaxTokens is not null);
    }
}

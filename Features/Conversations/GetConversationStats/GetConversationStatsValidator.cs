using FluentValidation;

namespace VoiceHelper.Conversations.GetConversationStats;

public sealed class GetConversationStatsValidator : AbstractValidator<GetConversationStatsRequest>
{
    public const int MaxDays = 366;

    public GetConversationStatsValidator()
    {
        RuleFor(r => r.To).GreaterThanOrEqualTo(r => r.From).WithMessage("'to' must not be before 'from'.");
        RuleFor(r => r).Must(r => r.To.DayNumber - r.From.DayNumber < MaxDays)
            .OverridePropertyName("to").WithMessage($"The range may span at most {MaxDays} days.");
    }
}

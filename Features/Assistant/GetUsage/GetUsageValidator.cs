using FluentValidation;

namespace VoiceHelper.Assistant.GetUsage;

public sealed class GetUsageValidator : AbstractValidator<GetUsageRequest>
{
    public GetUsageValidator() =>
        RuleFor(r => r.From).LessThan(r => r.To).When(r => r.From is not null && r.To is not null)
            .WithMessage("'from' must be before 'to'.");
}

using FluentValidation;

namespace VoiceHelper.Assistant.SetBudget;

public sealed class SetBudgetValidator : AbstractValidator<SetBudgetRequest>
{
    public SetBudgetValidator()
    {
        RuleFor(r => r.MonthlyBudgetUsd).InclusiveBetween(0, 10_000_000).When(r => r.MonthlyBudgetUsd is not null)
            .WithMessage("'monthly_budget_usd' must be 0 to 10,000,000.");
        RuleFor(r => r.SoftLimitRatio).InclusiveBetween(0.01m, 1m).When(r => r.SoftLimitRatio is not null)
            .WithMessage("'soft_limit_ratio' must be between 0.01 and 1.");
    }
}

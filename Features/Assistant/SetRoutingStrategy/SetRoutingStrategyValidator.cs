using FluentValidation;
using VoiceHelper.Assistant.Models;

namespace VoiceHelper.Assistant.SetRoutingStrategy;

public sealed class SetRoutingStrategyValidator : AbstractValidator<SetRoutingStrategyRequest>
{
    public SetRoutingStrategyValidator() =>
        RuleFor(r => r.Strategy).Must(RoutingStrategies.IsKnown).When(r => r.Strategy is not null)
            .WithMessage($"'strategy' must be one of {string.Join(", ", RoutingStrategies.All)}.");
}

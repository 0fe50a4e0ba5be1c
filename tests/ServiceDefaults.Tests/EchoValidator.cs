using FluentValidation;

namespace VoiceHelper.ServiceDefaults.Tests;

internal sealed class EchoValidator : AbstractValidator<EchoRequest>
{
    public EchoValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(20);
        RuleFor(r => r.Count).InclusiveBetween(0, 10);
    }
}

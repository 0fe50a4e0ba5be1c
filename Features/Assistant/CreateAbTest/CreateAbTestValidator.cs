using FluentValidation;
using VoiceHelper.Assistant.Common;

namespace VoiceHelper.Assistant.CreateAbTest;

public sealed class CreateAbTestValidator : AbstractValidator<CreateAbTestRequest>
{
    public CreateAbTestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Variants).NotNull().Must(v => v!.Count is >= 2 and <= 10).WithMessage("'variants' must hold 2 to 10 variants.");
        RuleFor(r => r.Variants).Must(v => v!.Sum(x => x?.Weight ?? 0) == AbAssignment.TotalWeight)
            .When(r => r.Variants is not null).WithMessage($"The variants' weights must sum to {AbAssignment.TotalWeight}.");
        RuleFor(r => r.Variants).Must(v => v!.Select(x => x?.Name).Distinct().Count() == v!.Count)
            .When(r => r.Variants is not null).WithMessage("Variant names must be distinct.");
        RuleForEach(r => r.Variants).NotNull().ChildRules(variant =>
        {
            variant.RuleFor(v => v.Name).NotEmpty().MaximumLength(50);
            variant.RuleFor(v => v.Weight).InclusiveBetween(1, 99);
            variant.RuleFor(v => v.Model).MaximumLength(100);
            variant.RuleFor(v => v.Prompt).MaximumLength(2000);
        });
    }
}

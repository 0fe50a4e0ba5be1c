using FluentValidation;
using VoiceHelper.Contracts;

namespace VoiceHelper.Identity.ChangeRole;

public sealed class ChangeRoleValidator : AbstractValidator<ChangeRoleRequest>
{
    public ChangeRoleValidator() =>
        RuleFor(r => r.Role).NotEmpty().Must(role => Roles.All.Contains(role)).WithMessage($"Use one of: {string.Join(", ", Roles.All)}.");
}

using FluentValidation;
using VoiceHelper.Contracts;
using VoiceHelper.Identity.Common;

namespace VoiceHelper.Identity.AddUser;

public sealed class AddUserValidator : AbstractValidator<AddUserRequest>
{
    public AddUserValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(r => r.Username).NotEmpty().Length(3, 50).Matches("^[A-Za-z0-9._-]+$")
            .WithMessage("Use letters, digits, '.', '_' or '-'.");
        RuleFor(r => r.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
        RuleFor(r => r.Role).NotEmpty().Must(role => Roles.All.Contains(role))
            .WithMessage($"Use one of: {string.Join(", ", Roles.All)}.");
    }
}

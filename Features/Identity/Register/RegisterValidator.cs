using FluentValidation;
using VoiceHelper.Identity.Common;

namespace VoiceHelper.Identity.Register;

/// <summary>Shape only; the password policy and uniqueness are the handler's decision (weak_password, email_taken).</summary>
public sealed class RegisterValidator : AbstractValidator<RegisterRequest>
{
    public RegisterValidator()
    {
        RuleFor(r => r.TenantName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(r => r.Username).NotEmpty().Length(3, 50).Matches("^[A-Za-z0-9._-]+$")
            .WithMessage("Use letters, digits, '.', '_' or '-'.");
        RuleFor(r => r.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
    }
}

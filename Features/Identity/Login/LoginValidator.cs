using FluentValidation;
using VoiceHelper.Identity.Common;

namespace VoiceHelper.Identity.Login;

public sealed class LoginValidator : AbstractValidator<LoginRequest>
{
    public LoginValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(254);
        // Bounded so that nobody can make us run PBKDF2 over a megabyte.
        RuleFor(r => r.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
    }
}

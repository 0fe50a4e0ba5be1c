using FluentValidation;

namespace VoiceHelper.Identity.Refresh;

public sealed class RefreshValidator : AbstractValidator<RefreshRequest>
{
    public RefreshValidator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(200);
}

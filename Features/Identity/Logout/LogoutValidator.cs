using FluentValidation;

namespace VoiceHelper.Identity.Logout;

/// <summary>A token without <c>jti</c> could never be revoked; Identity never issues one, but refuse it explicitly.</summary>
public sealed class LogoutValidator : AbstractValidator<LogoutRequest>
{
    public LogoutValidator() => RuleFor(r => r.TokenId).NotEmpty();
}

using FluentValidation;
using VoiceHelper.Contracts;

namespace VoiceHelper.Identity.CreateApiKey;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyRequest>
{
    public CreateApiKeyValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100).Must(n => n is null || n.Trim().Length > 0).WithMessage("'name' must contain text.");
        RuleFor(r => r.Scopes).NotEmpty().WithMessage("'scopes' must name at least one scope.")
            .Must(s => s is null || s.Distinct(StringComparer.Ordinal).Count() == s.Count).WithMessage("'scopes' must not repeat a scope.");
        RuleForEach(r => r.Scopes).Must(scope => ApiKeyScopes.All.Contains(scope))
            .WithMessage($"Use one of: {string.Join(", ", ApiKeyScopes.All)}.");
    }
}

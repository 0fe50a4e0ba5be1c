using FluentValidation;

namespace VoiceHelper.Identity.VerifyApiKey;

public sealed class VerifyApiKeyValidator : AbstractValidator<VerifyApiKeyRequest>
{
    public VerifyApiKeyValidator() => RuleFor(r => r.Key).NotEmpty().MaximumLength(200);
}

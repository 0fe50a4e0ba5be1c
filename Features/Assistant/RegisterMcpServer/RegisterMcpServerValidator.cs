using FluentValidation;

namespace VoiceHelper.Assistant.RegisterMcpServer;

public sealed class RegisterMcpServerValidator : AbstractValidator<RegisterMcpServerRequest>
{
    public RegisterMcpServerValidator()
    {
        // A tool name reaches the model as <name>__<tool>, and function names allow only [A-Za-z0-9_-].
        RuleFor(r => r.Name).NotEmpty().Matches("^[a-z0-9][a-z0-9-]{0,31}$")
            .WithMessage("'name' must be 1 to 32 lower-case letters, digits or hyphens.");
        RuleFor(r => r.Url).NotEmpty().MaximumLength(2000)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && string.IsNullOrEmpty(uri.UserInfo))
            .WithMessage("'url' must be an absolute http or https URL without credentials.");
    }
}

using FluentValidation;
using VoiceHelper.Identity.Common;

namespace VoiceHelper.Identity.CreateWidgetKey;

public sealed class CreateWidgetKeyValidator : AbstractValidator<CreateWidgetKeyRequest>
{
    public CreateWidgetKeyValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100).Must(n => n is null || n.Trim().Length > 0).WithMessage("'name' must contain text.");
        RuleFor(r => r.AllowedOrigins).NotEmpty().WithMessage("'allowed_origins' must name at least one origin.")
            .Must(o => o is null || o.Count <= 20).WithMessage("'allowed_origins' may name at most 20 origins.");
        RuleForEach(r => r.AllowedOrigins).Must(o => WidgetOrigins.Normalize(o) is not null)
            .WithMessage("Each origin must be scheme://host[:port] with no path or wildcard, https (http only for loopback).");
        RuleFor(r => r.KeyPermitsPerMinute).InclusiveBetween(1, 100_000);
        RuleFor(r => r.VisitorPermitsPerMinute).InclusiveBetween(1, 1_000);
    }
}

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
        RuleFor(r => r.KbIds).NotEmpty().WithMessage("'kb_ids' must name at least one knowledge base.")
            .Must(k => k is null || k.Count <= 20).WithMessage("'kb_ids' may name at most 20 knowledge bases.");
        RuleForEach(r => r.KbIds).NotEmpty().WithMessage("Each knowledge base id must be a non-empty uuid.");
        RuleFor(r => r.KeyPermitsPerMinute).InclusiveBetween(1, 100_000);
        RuleFor(r => r.VisitorPermitsPerMinute).InclusiveBetween(1, 1_000);
    }
}

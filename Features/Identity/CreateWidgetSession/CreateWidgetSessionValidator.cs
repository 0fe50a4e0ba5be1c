using FluentValidation;

namespace VoiceHelper.Identity.CreateWidgetSession;

public sealed class CreateWidgetSessionValidator : AbstractValidator<CreateWidgetSessionRequest>
{
    public CreateWidgetSessionValidator()
    {
        RuleFor(r => r.Key).NotEmpty().MaximumLength(100);
        RuleFor(r => r.VisitorId).Length(16, 64).Matches("^[A-Za-z0-9_-]+$").When(r => r.VisitorId is not null)
            .WithMessage("'visitor_id' must be 16 to 64 characters of A-Z, a-z, 0-9, '-' or '_'.");
    }
}

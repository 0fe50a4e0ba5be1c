using FluentValidation;

namespace VoiceHelper.Conversations.SubmitFeedback;

public sealed class SubmitFeedbackValidator : AbstractValidator<SubmitFeedbackRequest>
{
    public static readonly string[] Ratings = ["up", "down"];

    public SubmitFeedbackValidator()
    {
        RuleFor(r => r.Rating).Must(r => Ratings.Contains(r)).WithMessage("Rating must be up or down.");
        RuleFor(r => r.Comment).MaximumLength(2_000);
    }
}

using FluentValidation;

namespace VoiceHelper.Knowledge.UploadDocument;

public sealed class UploadDocumentValidator : AbstractValidator<UploadDocumentRequest>
{
    public UploadDocumentValidator()
    {
        RuleFor(r => r.FileName).NotEmpty().MaximumLength(255);
        RuleFor(r => r.Title).MaximumLength(500);
        RuleFor(r => r.Metadata).MaximumLength(16 * 1024);
    }
}

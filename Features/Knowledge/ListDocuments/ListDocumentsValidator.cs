using FluentValidation;
using VoiceHelper.Contracts;

namespace VoiceHelper.Knowledge.ListDocuments;

public sealed class ListDocumentsValidator : AbstractValidator<ListDocumentsRequest>
{
    public ListDocumentsValidator()
    {
        RuleFor(r => r.Status).Must(s => string.IsNullOrEmpty(s) || DocumentStatus.All.Contains(s, StringComparer.Ordinal))
            .WithMessage($"Use one of: {string.Join(", ", DocumentStatus.All)}.");
    }
}

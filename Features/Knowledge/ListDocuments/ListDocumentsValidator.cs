using FluentValidation;
using VoiceHelper.Knowledge.Common;

namespace VoiceHelper.Knowledge.ListDocuments;

public sealed class ListDocumentsValidator : AbstractValidator<ListDocumentsRequest>
{
    private static readonly string[] Statuses = [DocumentStatus.Pending, DocumentStatus.Processing, DocumentStatus.Indexed, DocumentStatus.Failed];

    public ListDocumentsValidator()
    {
        RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
        RuleFor(r => r.PageSize).InclusiveBetween(1, PageResponse<DocumentResponse>.MaxPageSize);
        RuleFor(r => r.Status).Must(s => string.IsNullOrEmpty(s) || Statuses.Contains(s, StringComparer.Ordinal))
            .WithMessage($"Use one of: {string.Join(", ", Statuses)}.");
    }
}

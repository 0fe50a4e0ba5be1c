using FluentValidation;
using VoiceHelper.Identity.Common;

namespace VoiceHelper.Identity.ListAuditLog;

public sealed class ListAuditLogValidator : AbstractValidator<ListAuditLogRequest>
{
    public ListAuditLogValidator()
    {
        RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
        RuleFor(r => r.PageSize).InclusiveBetween(1, PageResponse<ListAuditLogItem>.MaxPageSize);
    }
}

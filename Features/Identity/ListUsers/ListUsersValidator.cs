using FluentValidation;
using VoiceHelper.Identity.Common;

namespace VoiceHelper.Identity.ListUsers;

public sealed class ListUsersValidator : AbstractValidator<ListUsersRequest>
{
    public ListUsersValidator()
    {
        RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
        RuleFor(r => r.PageSize).InclusiveBetween(1, PageResponse<UserResponse>.MaxPageSize);
    }
}

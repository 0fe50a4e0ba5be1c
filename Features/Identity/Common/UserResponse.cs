using System.Linq.Expressions;

namespace VoiceHelper.Identity.Common;

public sealed record UserResponse(
    Guid Id, Guid TenantId, string Email, string Username, string Role, bool Disabled, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt)
{
    /// <summary>For no-tracking reads: EF translates it into the SELECT list.</summary>
    public static readonly Expression<Func<UserAccount, UserResponse>> Projection = u =>
        new UserResponse(u.Id, u.TenantId, u.Email, u.Username, u.Role, u.DisabledAt != null, u.CreatedAt, u.LastLoginAt);

    private static readonly Func<UserAccount, UserResponse> Compiled = Projection.Compile();

    public static UserResponse From(UserAccount user) => Compiled(user);
}

using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.Refresh;

namespace VoiceHelper.Identity.Tests.Refresh;

public sealed class RefreshDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly UserAccount Active = new()
    {
        Email = "a@example.test", Username = "a", NormalizedUsername = "a", PasswordHash = "x", Role = "member",
    };

    [Fact]
    public void An_unused_live_token_of_an_active_user_rotates() =>
        RefreshDecision.Decide(Token(), Active, Now).ShouldBe(RefreshVerdict.Rotate);

    [Fact]
    public void A_used_token_is_a_reuse() =>
        RefreshDecision.Decide(Token(usedAt: Now.AddMinutes(-1)), Active, Now).ShouldBe(RefreshVerdict.Reused);

    [Fact]
    public void A_revoked_family_is_revoked_even_when_the_token_was_used() =>
        RefreshDecision.Decide(Token(usedAt: Now.AddMinutes(-2), revokedAt: Now.AddMinutes(-1)), Active, Now).ShouldBe(RefreshVerdict.Revoked);

    [Fact]
    public void An_expired_token_is_expired() =>
        RefreshDecision.Decide(Token(expiresAt: Now), Active, Now).ShouldBe(RefreshVerdict.Expired);

    [Fact]
    public void A_disabled_user_cannot_refresh()
    {
        var disabled = new UserAccount
        {
            Email = "a@example.test", Username = "a", NormalizedUsername = "a", PasswordHash = "x", Role = "member", DisabledAt = Now,
        };

        RefreshDecision.Decide(Token(), disabled, Now).ShouldBe(RefreshVerdict.AccountUnavailable);
    }

    [Fact]
    public void An_unknown_token_is_unknown() => RefreshDecision.Decide(null, null, Now).ShouldBe(RefreshVerdict.Unknown);

    private static RefreshToken Token(DateTimeOffset? usedAt = null, DateTimeOffset? revokedAt = null, DateTimeOffset? expiresAt = null) => new()
    {
        TokenHash = [1],
        AccessTokenId = "jti",
        ExpiresAt = expiresAt ?? Now.AddDays(1),
        UsedAt = usedAt,
        RevokedAt = revokedAt,
    };
}

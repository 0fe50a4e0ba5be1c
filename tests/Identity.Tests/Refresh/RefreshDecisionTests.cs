using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.Refresh;

namespace VoiceHelper.Identity.Tests.Refresh;

public sealed class RefreshDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
    private static readonly UserAccount Active = new()
    {
        Email = "a@example.test", Username = "a", NormalizedUsername = "a", PasswordHash = "x", Role = "member",
    };

    [Fact]
    public void An_unused_live_token_of_an_active_user_rotates() =>
        RefreshDecision.Decide(Token(), null, Active, Now, Grace).ShouldBe(RefreshVerdict.Rotate);

    [Fact]
    public void A_used_token_is_a_reuse() =>
        RefreshDecision.Decide(Token(usedAt: Now.AddMinutes(-1)), null, Active, Now, Grace).ShouldBe(RefreshVerdict.Reused);

    [Fact]
    public void A_revoked_family_is_revoked_even_when_the_token_was_used() =>
        RefreshDecision.Decide(Token(usedAt: Now.AddMinutes(-2), revokedAt: Now.AddMinutes(-1)), null, Active, Now, Grace).ShouldBe(RefreshVerdict.Revoked);

    [Fact]
    public void An_expired_token_is_expired() =>
        RefreshDecision.Decide(Token(expiresAt: Now), null, Active, Now, Grace).ShouldBe(RefreshVerdict.Expired);

    [Fact]
    public void A_disabled_user_cannot_refresh()
    {
        var disabled = new UserAccount
        {
            Email = "a@example.test", Username = "a", NormalizedUsername = "a", PasswordHash = "x", Role = "member", DisabledAt = Now,
        };

        RefreshDecision.Decide(Token(), null, disabled, Now, Grace).ShouldBe(RefreshVerdict.AccountUnavailable);
    }

    [Fact]
    public void A_token_presented_again_within_the_grace_gets_its_unused_successor_again()
    {
        var (spent, successor) = Exchanged(Now.AddSeconds(-10));

        RefreshDecision.Decide(spent, successor, Active, Now, Grace).ShouldBe(RefreshVerdict.Repeat);
    }

    [Fact]
    public void After_the_grace_a_token_presented_again_is_a_reuse()
    {
        var (spent, successor) = Exchanged(Now.AddSeconds(-31));

        RefreshDecision.Decide(spent, successor, Active, Now, Grace).ShouldBe(RefreshVerdict.Reused);
        RefreshDecision.Decide(spent, successor, Active, Now.AddSeconds(-21), TimeSpan.Zero).ShouldBe(RefreshVerdict.Reused);
    }

    [Fact]
    public void Within_the_grace_a_token_whose_successor_was_exchanged_in_turn_is_a_reuse()
    {
        var (spent, successor) = Exchanged(Now.AddSeconds(-10));
        successor.UsedAt = Now.AddSeconds(-5);

        RefreshDecision.Decide(spent, successor, Active, Now, Grace).ShouldBe(RefreshVerdict.Reused);
        RefreshDecision.Decide(spent, null, Active, Now, Grace).ShouldBe(RefreshVerdict.Reused);
    }

    [Fact]
    public void An_unknown_token_is_unknown() => RefreshDecision.Decide(null, null, null, Now, Grace).ShouldBe(RefreshVerdict.Unknown);

    private static (RefreshToken Spent, RefreshToken Successor) Exchanged(DateTimeOffset usedAt)
    {
        var successor = Token();
        successor.Id = Guid.NewGuid();
        var spent = Token(usedAt: usedAt);
        spent.SuccessorId = successor.Id;
        spent.Successor = [1, 2, 3];
        return (spent, successor);
    }

    private static RefreshToken Token(DateTimeOffset? usedAt = null, DateTimeOffset? revokedAt = null, DateTimeOffset? expiresAt = null) => new()
    {
        TokenHash = [1],
        AccessTokenId = "jti",
        ExpiresAt = expiresAt ?? Now.AddDays(1),
        UsedAt = usedAt,
        RevokedAt = revokedAt,
    };
}

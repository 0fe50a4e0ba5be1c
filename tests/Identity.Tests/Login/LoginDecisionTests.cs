using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.Login;

namespace VoiceHelper.Identity.Tests.Login;

public sealed class LoginDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly AccountLockoutOptions Lockout = new();

    [Fact]
    public void The_fifth_wrong_password_locks_for_fifteen_minutes()
    {
        var outcome = LoginDecision.Decide(User(failures: 4), passwordMatches: false, Now, Lockout);

        outcome.ShouldBe(new LoginOutcome(LoginVerdict.LockedNow, 5, Now.AddMinutes(15)));
    }

    [Fact]
    public void A_locked_account_refuses_even_the_right_password()
    {
        var outcome = LoginDecision.Decide(User(failures: 5, lockedUntil: Now.AddMinutes(1)), passwordMatches: true, Now, Lockout);

        outcome.Verdict.ShouldBe(LoginVerdict.Locked);
    }

    [Fact]
    public void After_the_lockout_the_count_starts_again()
    {
        var expired = User(failures: 5, lockedUntil: Now.AddSeconds(-1));

        LoginDecision.Decide(expired, passwordMatches: false, Now, Lockout).ShouldBe(new LoginOutcome(LoginVerdict.WrongPassword, 1, null));
        LoginDecision.Decide(expired, passwordMatches: true, Now, Lockout).ShouldBe(new LoginOutcome(LoginVerdict.Succeeded, 0, null));
    }

    [Fact]
    public void A_disabled_account_is_only_revealed_to_the_right_password()
    {
        var disabled = User(disabledAt: Now.AddDays(-1));

        LoginDecision.Decide(disabled, passwordMatches: true, Now, Lockout).Verdict.ShouldBe(LoginVerdict.Disabled);
        LoginDecision.Decide(disabled, passwordMatches: false, Now, Lockout).Verdict.ShouldBe(LoginVerdict.WrongPassword);
    }

    private static UserAccount User(int failures = 0, DateTimeOffset? lockedUntil = null, DateTimeOffset? disabledAt = null) => new()
    {
        Email = "ann@example.test",
        Username = "ann",
        NormalizedUsername = "ann",
        PasswordHash = "x",
        Role = "member",
        FailedLoginCount = failures,
        LockedUntil = lockedUntil,
        DisabledAt = disabledAt,
    };
}

using VoiceHelper.Identity.Common;

namespace VoiceHelper.Identity.Login;

public static class LoginDecision
{
    /// <summary>
    /// Counts consecutive wrong passwords; the <see cref="AccountLockoutOptions.MaxFailedAttempts"/>th locks the account
    /// for <see cref="AccountLockoutOptions.Duration"/>. When a lockout has run out the count starts again from zero.
    /// A disabled account is only reported as such to someone who knows its password.
    /// </summary>
    public static LoginOutcome Decide(UserAccount user, bool passwordMatches, DateTimeOffset now, AccountLockoutOptions lockout)
    {
        if (user.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return new(LoginVerdict.Locked, user.FailedLoginCount, lockedUntil);
        }
        var failures = user.LockedUntil is null ? user.FailedLoginCount : 0;
        if (!passwordMatches)
        {
            failures++;
            return failures >= lockout.MaxFailedAttempts
                ? new(LoginVerdict.LockedNow, failures, now + lockout.Duration)
                : new(LoginVerdict.WrongPassword, failures, null);
        }
        return user.DisabledAt is not null
            ? new(LoginVerdict.Disabled, failures, null)
            : new(LoginVerdict.Succeeded, 0, null);
    }
}

using VoiceHelper.Identity.Common;

namespace VoiceHelper.Identity.Refresh;

public static class RefreshDecision
{
    /// <param name="successor">What <paramref name="token"/> was exchanged for, when it was.</param>
    /// <param name="grace">How long after its exchange a token presented again gets its successor again (<see cref="TokenOptions.RefreshReuseGrace"/>).</param>
    public static RefreshVerdict Decide(RefreshToken? token, RefreshToken? successor, UserAccount? user, DateTimeOffset now, TimeSpan grace) => token switch
    {
        null => RefreshVerdict.Unknown,
        { RevokedAt: not null } => RefreshVerdict.Revoked,
        { UsedAt: { } used } => now - used <= grace && IsRepeatable(token, successor, now) && IsActive(user) ? RefreshVerdict.Repeat : RefreshVerdict.Reused,
        _ when token.ExpiresAt <= now => RefreshVerdict.Expired,
        _ when !IsActive(user) => RefreshVerdict.AccountUnavailable,
        _ => RefreshVerdict.Rotate,
    };

    // The successor must still be the family's live end: once it was exchanged in turn (or the family ended), the old
    // token has no pair left to give, and presenting it is a reuse.
    private static bool IsRepeatable(RefreshToken token, RefreshToken? successor, DateTimeOffset now) =>
        token.Successor is not null && successor is { UsedAt: null, RevokedAt: null } && successor.Id == token.SuccessorId && successor.ExpiresAt > now;

    private static bool IsActive(UserAccount? user) => user is { DisabledAt: null };
}

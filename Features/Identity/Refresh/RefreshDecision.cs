using VoiceHelper.Identity.Common;

namespace VoiceHelper.Identity.Refresh;

public static class RefreshDecision
{
    public static RefreshVerdict Decide(RefreshToken? token, UserAccount? user, DateTimeOffset now) => token switch
    {
        null => RefreshVerdict.Unknown,
        { RevokedAt: not null } => RefreshVerdict.Revoked,
        { UsedAt: not null } => RefreshVerdict.Reused,
        _ when token.ExpiresAt <= now => RefreshVerdict.Expired,
        _ when user is null || user.DisabledAt is not null => RefreshVerdict.AccountUnavailable,
        _ => RefreshVerdict.Rotate,
    };
}

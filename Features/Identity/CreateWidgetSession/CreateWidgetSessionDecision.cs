using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.CreateWidgetSession;

public static class CreateWidgetSessionDecision
{
    /// <returns>The error to answer, or null when the key may be used from <paramref name="pageOrigin"/>.</returns>
    public static Error? Decide(WidgetKey? key, string? pageOrigin) =>
        key is null ? IdentityErrors.InvalidWidgetKey
        : key.RevokedAt is not null ? IdentityErrors.WidgetKeyRevoked
        : !WidgetOrigins.Allows(key.AllowedOrigins, pageOrigin) ? IdentityErrors.OriginNotAllowed
        : null;
}

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

    /// <returns>429 <c>rate_limited</c> (retry when the window ends) once the key's exchanges this minute pass its per-key permits.</returns>
    public static Error? Throttle(long exchangesThisWindow, int keyPermitsPerMinute, TimeSpan windowLeft) =>
        exchangesThisWindow > keyPermitsPerMinute ? IdentityErrors.WidgetKeyBusy(windowLeft) : null;
}

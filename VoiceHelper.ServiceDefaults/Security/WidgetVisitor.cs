using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using VoiceHelper.Contracts;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.ServiceDefaults.Security;

/// <summary>
/// Widget visitors: anonymous people on a tenant's website, holding a short access token Identity issued for a widget
/// key (<see cref="ClaimNames.WidgetKey"/>) and a page origin (<see cref="ClaimNames.Origin"/>). They have no role;
/// only <see cref="Policies.Converse"/> endpoints take them. Each request must come from the token's origin, and a
/// revoked key stops its visitors at once (Redis marker, as API keys).
/// </summary>
public static class WidgetVisitor
{
    public static bool IsVisitor(ClaimsPrincipal user) => user.HasClaim(c => c.Type == ClaimNames.WidgetKey);

    /// <returns>
    /// For a visitor, the knowledge bases its widget key lets it ask (<see cref="ClaimNames.KnowledgeBase"/>; empty for a
    /// token issued before keys named them); null for anyone else, whose request names its own.
    /// </returns>
    public static Guid[]? KnowledgeBases(ClaimsPrincipal user) =>
        IsVisitor(user)
            ? [.. user.FindAll(ClaimNames.KnowledgeBase).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct()]
            : null;

    /// <returns>The refusal code, or null when the visitor's request may go on.</returns>
    /// <remarks>
    /// A browser sends <c>Origin</c> on every cross-origin request and WebSocket handshake, and page scripts cannot forge
    /// it; a call between services (Conversations asking the Assistant with the visitor's token) has none and did not
    /// come through the gateway, so it is the only kind allowed without one.
    /// </remarks>
    public static async Task<string?> RefusalAsync(HttpContext context, ClaimsPrincipal user)
    {
        var origin = context.Request.Headers.Origin.ToString();
        var expected = user.FindFirst(ClaimNames.Origin)?.Value;
        if (origin.Length > 0 ? !string.Equals(origin.TrimEnd('/'), expected, StringComparison.OrdinalIgnoreCase) : EdgeRequest.CameThroughGateway(context))
        {
            return "origin_not_allowed";
        }
        if (Guid.TryParse(user.FindFirst(ClaimNames.WidgetKey)?.Value, out var keyId)
            && context.RequestServices.GetService<IConnectionMultiplexer>() is { } redis)
        {
            try
            {
                if (await redis.GetDatabase().KeyExistsAsync(RedisKeys.RevokedWidgetKey(keyId)))
                {
                    return "widget_key_revoked";
                }
            }
            catch (RedisException)
            {
                // As for access tokens: without Redis the check is skipped; the token's short lifetime bounds it.
            }
        }
        return null;
    }
}

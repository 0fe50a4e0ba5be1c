using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using VoiceHelper.Contracts;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>The token a call uses for Conversations, and when Conversations stops taking it (its expiry plus the clock skew).</summary>
public sealed record VoiceCallAccess(string Token, DateTimeOffset UsableUntil)
{
    /// <summary>The handshake's token, which the endpoint's authorization already validated.</summary>
    public static VoiceCallAccess FromHandshake(HttpContext http, string token) =>
        new(token, ExpiryOf(http.User, http.RequestServices.GetRequiredService<IOptions<JwtOptions>>().Value.ClockSkew));

    internal static DateTimeOffset ExpiryOf(ClaimsPrincipal user, TimeSpan clockSkew) =>
        long.TryParse(user.FindFirst("exp")?.Value, out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) + clockSkew : DateTimeOffset.MaxValue;
}

/// <summary>
/// Checks a fresh token sent during a call (<c>session.auth</c>) exactly as the handshake's was: the same JwtBearer
/// scheme (signature, issuer, audience, expiry, revocation, a widget visitor's origin and key) runs on a request
/// shaped like the connection's handshake (its <c>Origin</c> and gateway marker), in a scope of its own. The token
/// must name the call's tenant and user (or visitor of the same widget key).
/// </summary>
public sealed class VoiceCallTokenCheck(HttpContext handshake)
{
    private readonly string origin = handshake.Request.Headers.Origin.ToString();
    private readonly string edge = handshake.Request.Headers[EdgeRequest.HeaderName].ToString();
    private readonly string? widgetKey = handshake.User.FindFirst(ClaimNames.WidgetKey)?.Value;
    private readonly IServiceScopeFactory scopes = handshake.RequestServices.GetRequiredService<IServiceScopeFactory>();

    public async Task<(VoiceCallAccess? Access, VoiceCallError? Error)> CheckAsync(string? token, Guid tenantId, Guid userId)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, new VoiceCallError("invalid_token", "session.auth needs an \"access_token\"."));
        }
        await using var scope = scopes.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = "/ws/voice";
        context.Request.Headers.Authorization = $"Bearer {token.Trim()}";
        if (origin.Length > 0)
        {
            context.Request.Headers.Origin = origin;
        }
        if (edge.Length > 0)
        {
            context.Request.Headers[EdgeRequest.HeaderName] = edge;
        }
        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            return (null, result.Failure switch
            {
                SecurityTokenExpiredException => new VoiceCallError("token_expired", "The new access token has expired; the call keeps its current one."),
                { Message: "origin_not_allowed" } => new VoiceCallError("origin_not_allowed", "This widget token was issued to another page origin; the call keeps its current one."),
                { Message: "widget_key_revoked" } => new VoiceCallError("widget_key_revoked", "The widget key has been revoked."),
                _ => new VoiceCallError("invalid_token", "The new access token is not valid; the call keeps its current one."),
            });
        }
        var user = result.Principal!;
        if (user.FindFirst(ClaimNames.Tenant)?.Value is not { } tenant || !Guid.TryParse(tenant, out var tokenTenant) || tokenTenant != tenantId
            || !Guid.TryParse(user.FindFirst(ClaimNames.Subject)?.Value, out var tokenUser) || tokenUser != userId
            || user.FindFirst(ClaimNames.WidgetKey)?.Value != widgetKey)
        {
            return (null, new VoiceCallError("token_mismatch", "The new access token is for another user or organisation; the call keeps its current one."));
        }
        var clockSkew = scope.ServiceProvider.GetRequiredService<IOptions<JwtOptions>>().Value.ClockSkew;
        return (new VoiceCallAccess(token.Trim(), VoiceCallAccess.ExpiryOf(user, clockSkew)), null);
    }
}

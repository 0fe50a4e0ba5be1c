using System.Globalization;
using System.Security.Claims;
using MediatR;
using VoiceHelper.Contracts;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.Logout;

/// <param name="TokenId">The <c>jti</c> of the access token presented.</param>
/// <param name="ExpiresAt">Its <c>exp</c>: the revocation must outlive it.</param>
public sealed record LogoutRequest(string TokenId, DateTimeOffset ExpiresAt, RequestOrigin Origin) : IRequest<Result>
{
    /// <summary>Reads the presented token's claims (already validated by the authentication middleware).</summary>
    public static LogoutRequest From(ClaimsPrincipal user, HttpContext http) => new(
        user.FindFirstValue(ClaimNames.TokenId) ?? "",
        long.TryParse(user.FindFirstValue("exp"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp)
            : DateTimeOffset.MinValue,
        RequestOrigin.From(http));
}

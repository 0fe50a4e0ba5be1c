using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VoiceHelper.Contracts;
using VoiceHelper.Identity.RotateSigningKeys;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.Common;

/// <summary>Issues the access/refresh pair of a login or a rotation. The caller adds the refresh row and saves.</summary>
public sealed class TokenIssuer(SigningKeyStore keys, IOptions<JwtOptions> jwt, IOptions<TokenOptions> tokens, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<(TokenResponse Response, RefreshToken Row)> IssuePairAsync(UserAccount user, Guid familyId, CancellationToken cancellationToken)
    {
        var access = await IssueAccessTokenAsync(user, cancellationToken);
        var now = clock.GetUtcNow();
        var refresh = RefreshTokenValue.New();
        var row = new RefreshToken
        {
            Id = Guid.CreateVersion7(now),
            TenantId = user.TenantId,
            UserId = user.Id,
            FamilyId = familyId,
            TokenHash = RefreshTokenValue.Hash(refresh),
            AccessTokenId = access.TokenId,
            AccessTokenExpiresAt = access.ExpiresAt,
            CreatedAt = now,
            ExpiresAt = now + tokens.Value.RefreshTokenLifetime,
        };
        var response = new TokenResponse(access.Token, refresh, (int)tokens.Value.AccessTokenLifetime.TotalSeconds, "Bearer", UserResponse.From(user));
        return (response, row);
    }

    public Task<IssuedAccessToken> IssueAccessTokenAsync(UserAccount user, CancellationToken cancellationToken) =>
        SignAsync(tokens.Value.AccessTokenLifetime, tokenId => new Dictionary<string, object>
        {
            [ClaimNames.Subject] = user.Id.ToString(),
            [ClaimNames.Tenant] = user.TenantId.ToString(),
            [ClaimNames.Role] = new[] { user.Role },
            [ClaimNames.TokenId] = tokenId,
        }, cancellationToken);

    /// <summary>
    /// A widget visitor's token: the tenant, the visitor as subject, the key and the origin it was issued to, the key's
    /// knowledge bases and limits, and no role, so only the endpoints that take visitors (<see cref="Policies.Converse"/>) accept it.
    /// </summary>
    public Task<IssuedAccessToken> IssueVisitorTokenAsync(WidgetKey key, Guid visitor, string origin, CancellationToken cancellationToken) =>
        SignAsync(tokens.Value.VisitorTokenLifetime, tokenId => new Dictionary<string, object>
        {
            [ClaimNames.Subject] = visitor.ToString(),
            [ClaimNames.Tenant] = key.TenantId.ToString(),
            [ClaimNames.TokenId] = tokenId,
            [ClaimNames.WidgetKey] = key.Id.ToString(),
            [ClaimNames.Origin] = origin,
            [ClaimNames.KnowledgeBase] = key.KnowledgeBaseIds.Select(id => id.ToString()).ToArray(),
            [ClaimNames.KeyPermits] = key.KeyPermitsPerMinute,
            [ClaimNames.VisitorPermits] = key.VisitorPermitsPerMinute,
        }, cancellationToken);

    /// <summary>A signed token valid from now for <paramref name="lifetime"/>, with a fresh token id in its claims.</summary>
    private async Task<IssuedAccessToken> SignAsync(TimeSpan lifetime, Func<string, Dictionary<string, object>> claims, CancellationToken cancellationToken)
    {
        var credentials = await keys.GetSigningCredentialsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var expires = now + lifetime;
        var tokenId = Guid.NewGuid().ToString("N");
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Value.Issuer,
            Audience = jwt.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = credentials,
            Claims = claims(tokenId),
        });
        return new IssuedAccessToken(token, tokenId, expires);
    }
}

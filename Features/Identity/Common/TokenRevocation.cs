using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceHelper.Contracts;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.Common;

/// <summary>
/// Writes the Redis keys every service checks on each request (ServiceDefaults' revocation check). A key lives
/// as long as a token it blocks could still be accepted: until its expiry plus the validators' clock skew.
/// Failures propagate: a logout or disable that did not reach Redis must not be reported as done.
/// </summary>
public sealed class TokenRevocation(IConnectionMultiplexer redis, IOptions<JwtOptions> jwt, IOptions<TokenOptions> tokens, TimeProvider clock)
{
    public async Task RevokeAccessTokensAsync(IEnumerable<(string TokenId, DateTimeOffset ExpiresAt)> accessTokens)
    {
        var db = redis.GetDatabase();
        var now = clock.GetUtcNow();
        var writes = accessTokens
            .Select(t => (t.TokenId, Ttl: t.ExpiresAt + jwt.Value.ClockSkew - now))
            .Where(t => t.Ttl > TimeSpan.Zero)
            .Select(t => db.StringSetAsync(RedisKeys.RevokedToken(t.TokenId), "1", t.Ttl))
            .ToList();
        await Task.WhenAll(writes);
    }

    /// <summary>Outlives any service's cached verification of the key (<see cref="ApiKeyOptions.CacheDuration"/>, bounded by its maximum).</summary>
    public Task RevokeApiKeyAsync(Guid keyId) =>
        redis.GetDatabase().StringSetAsync(RedisKeys.RevokedApiKey(keyId), "1", ApiKeyOptions.MaxCacheDuration);

    /// <summary>Outlives every visitor token issued for the key (their lifetime plus clock skew): its visitors stop at once.</summary>
    public Task RevokeWidgetKeyAsync(Guid keyId) =>
        redis.GetDatabase().StringSetAsync(RedisKeys.RevokedWidgetKey(keyId), "1", tokens.Value.VisitorTokenLifetime + jwt.Value.ClockSkew);

    public Task DisableUserAsync(Guid userId) =>
        redis.GetDatabase().StringSetAsync(RedisKeys.DisabledUser(userId), "1", tokens.Value.AccessTokenLifetime + jwt.Value.ClockSkew);
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using VoiceHelper.ServiceDefaults.Discovery;

namespace VoiceHelper.ServiceDefaults.Security;

/// <summary>
/// Fetches Identity's JWKS and caches it. An unknown key id triggers a refetch (key rotation), at most
/// once every few seconds so that forged key ids cannot make us hammer Identity.
/// </summary>
internal sealed class JwksSigningKeySource(
    IHttpClientFactory httpClients, IOptions<JwtOptions> options, TimeProvider clock, ILogger<JwksSigningKeySource> logger)
    : ISigningKeySource
{
    private static readonly TimeSpan MinRefetchInterval = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private IReadOnlyCollection<SecurityKey> _keys = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public IReadOnlyCollection<SecurityKey> GetKeys(string? keyId)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var stale = now - _fetchedAt > options.Value.KeyCacheDuration;
            var unknown = keyId is not null && _keys.All(k => k.KeyId != keyId) && now - _fetchedAt > MinRefetchInterval;
            if (stale || unknown)
            {
                try
                {
                    // Token validation is synchronous in the JWT handler; the fetch is rare (cache) and bounded by the client timeout.
                    var client = httpClients.CreateClient(ServiceDiscoveryRegistration.DiscoveryClientName);
                    var json = client.GetStringAsync(new Uri(options.Value.JwksUrl)).GetAwaiter().GetResult();
                    _keys = new JsonWebKeySet(json).GetSigningKeys().ToList();
                    _fetchedAt = now;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ArgumentException)
                {
                    logger.LogWarning(ex, "Could not fetch signing keys from {JwksUrl}", options.Value.JwksUrl);
                }
            }
            return _keys;
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace VoiceHelper.Identity.Common;

/// <summary>
/// A fixed-window counter per account in Redis, shared by all replicas. The key holds a hash of the email, not
/// the email. Without Redis the attempt is allowed: the per-IP limit and the lockout still apply.
/// </summary>
public sealed class AccountThrottle(IConnectionMultiplexer redis, IOptions<AccountThrottleOptions> options, ILogger<AccountThrottle> logger)
{
    public async Task<bool> TryAcquireAsync(string action, string normalizedEmail)
    {
        var key = $"identity:throttle:{action}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)))}";
        try
        {
            var db = redis.GetDatabase();
            var count = await db.StringIncrementAsync(key);
            if (count == 1)
            {
                await db.KeyExpireAsync(key, options.Value.Window);
            }
            return count <= options.Value.PermitsPerWindow;
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Account throttle unavailable; allowing the attempt");
            return true;
        }
    }
}

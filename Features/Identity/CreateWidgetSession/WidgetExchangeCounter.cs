using StackExchange.Redis;

namespace VoiceHelper.Identity.CreateWidgetSession;

/// <summary>
/// Exchanges of one widget key in the current minute: a fixed-window counter in Redis, shared by all replicas (the
/// per-IP limit alone lets many addresses exhaust a key's visitor tokens). Without Redis the exchange is counted as
/// the first: the per-IP limit still applies.
/// </summary>
public sealed class WidgetExchangeCounter(IConnectionMultiplexer redis, ILogger<WidgetExchangeCounter> logger)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <returns>This exchange's number in the window and the time left until the window ends.</returns>
    public async Task<(long Count, TimeSpan Left)> CountAsync(Guid keyId)
    {
        var key = $"identity:widget-exchanges:{keyId:N}";
        try
        {
            var db = redis.GetDatabase();
            var count = await db.StringIncrementAsync(key);
            if (count == 1)
            {
                await db.KeyExpireAsync(key, Window);
            }
            return (count, await db.KeyTimeToLiveAsync(key) ?? Window);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Widget exchange counter unavailable; allowing the exchange");
            return (1, Window);
        }
    }
}

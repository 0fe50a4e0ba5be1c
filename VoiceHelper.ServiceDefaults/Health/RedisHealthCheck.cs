using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace VoiceHelper.ServiceDefaults.Health;

internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return HealthCheckResult.Unhealthy("Redis is not connected.");
        }
        try
        {
            var ping = redis.GetDatabase().PingAsync();
            var finished = await Task.WhenAny(ping, Task.Delay(TimeSpan.FromSeconds(2), cancellationToken));
            return finished == ping ? HealthCheckResult.Healthy($"ping {(await ping).TotalMilliseconds:F1} ms") : HealthCheckResult.Unhealthy("Redis ping timed out.");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable.", ex);
        }
    }
}

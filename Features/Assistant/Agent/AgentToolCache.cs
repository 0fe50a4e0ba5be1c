using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;

namespace VoiceHelper.Assistant.Agent;

/// <summary>
/// Tool results in Redis, keyed by tenant, tool and arguments, for the tool's <see cref="AgentTool.CacheFor"/>: the same
/// lookup in a second run (or step) is not executed again. The tenant is part of the key, so one tenant never sees
/// another's results. Redis being down is a miss, never an error.
/// </summary>
public sealed class AgentToolCache(IServiceProvider services, ILogger<AgentToolCache> logger)
{
    private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();

    public static string Key(Guid tenantId, string tool, string canonicalArguments) =>
        $"agent:tool:{tenantId:N}:{tool}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalArguments)))}";

    /// <summary>The arguments as JSON with properties in name order, so that the order a model wrote them in does not matter.</summary>
    public static string Canonical(IDictionary<string, object?>? arguments) =>
        JsonSerializer.Serialize(new SortedDictionary<string, object?>(arguments ?? new Dictionary<string, object?>(), StringComparer.Ordinal));

    public async Task<JsonElement?> GetAsync(string key)
    {
        if (_redis is null)
        {
            return null;
        }
        try
        {
            var value = await _redis.GetDatabase().StringGetAsync(key);
            return value.HasValue ? JsonDocument.Parse((string)value!).RootElement.Clone() : null;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning("Tool cache unavailable: {Error}", exception.Message);
            return null;
        }
    }

    public async Task StoreAsync(string key, JsonElement result, TimeSpan ttl)
    {
        if (_redis is null)
        {
            return;
        }
        try
        {
            await _redis.GetDatabase().StringSetAsync(key, JsonSerializer.Serialize(result), ttl);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning("Tool cache unavailable: {Error}", exception.Message);
        }
    }
}

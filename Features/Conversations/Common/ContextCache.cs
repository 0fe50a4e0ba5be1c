using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace VoiceHelper.Conversations.Common;

/// <summary>
/// The conversation context in Redis (30 min sliding TTL). Only an optimisation: every failure, timeout or
/// version mismatch reads as a miss and the caller rebuilds from PostgreSQL, so Redis being down costs a
/// query per turn, never a turn. A write that fails leaves an old version behind, which the version check
/// rejects later.
/// </summary>
public sealed class ContextCache(IServiceProvider services, IOptions<ConversationsOptions> options, ILogger<ContextCache> logger)
{
    // Resolved lazily: without ConnectionStrings:cache there is no multiplexer and the cache is simply off.
    private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();

    public async Task<ContextSnapshot?> GetAsync(Guid conversationId, long version)
    {
        if (_redis is null)
        {
            return null;
        }
        try
        {
            var value = await _redis.GetDatabase().StringGetAsync(Key(conversationId)).WaitAsync(options.Value.CacheTimeout);
            if (!value.HasValue)
            {
                return null;
            }
            var snapshot = JsonSerializer.Deserialize<ContextSnapshot>(value.ToString());
            return snapshot?.Version == version ? snapshot : null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or JsonException)
        {
            logger.LogWarning(ex, "Context cache unavailable; rebuilding from the database");
            return null;
        }
    }

    public async Task SetAsync(Guid conversationId, ContextSnapshot snapshot)
    {
        if (_redis is null)
        {
            return;
        }
        try
        {
            await _redis.GetDatabase()
                .StringSetAsync(Key(conversationId), JsonSerializer.Serialize(snapshot), options.Value.ContextCacheTtl)
                .WaitAsync(options.Value.CacheTimeout);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not update the context cache");
        }
    }

    private static string Key(Guid conversationId) => $"conversations:context:{conversationId:N}";
}

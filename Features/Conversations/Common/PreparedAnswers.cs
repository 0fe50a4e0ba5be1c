using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace VoiceHelper.Conversations.Common;

/// <summary>
/// Prepared answers in Redis, each under its own id with a short expiry. Without Redis there are none: preparing
/// answers 503 and the caller asks the ordinary way.
/// </summary>
public sealed class PreparedAnswers(IServiceProvider services, IOptions<ConversationsOptions> options, ILogger<PreparedAnswers> logger)
{
    private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();

    public bool Available => _redis is not null;

    public async Task<bool> SetAsync(PreparedAnswer answer)
    {
        try
        {
            return _redis is not null && await _redis.GetDatabase()
                .StringSetAsync(Key(answer.Id), JsonSerializer.Serialize(answer), options.Value.PreparedAnswerTtl)
                .WaitAsync(options.Value.PreparedAnswerWait);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not keep prepared answer {PreparedId}", answer.Id);
            return false;
        }
    }

    /// <summary>The answer once it is no longer being produced (waiting for that at most <c>PreparedAnswerWait</c>); null when unknown or expired.</summary>
    public async Task<PreparedAnswer?> GetSettledAsync(Guid id, CancellationToken cancellationToken)
    {
        if (_redis is null)
        {
            return null;
        }
        var deadline = DateTime.UtcNow + options.Value.PreparedAnswerWait + TimeSpan.FromMilliseconds(1);
        while (true)
        {
            PreparedAnswer? answer;
            try
            {
                // Unlike the context cache this is no mere optimisation (the answer may have been heard): a slow Redis
                // is waited for, up to the same deadline.
                var value = await _redis.GetDatabase().StringGetAsync(Key(id)).WaitAsync(deadline - DateTime.UtcNow, cancellationToken);
                answer = value.HasValue ? JsonSerializer.Deserialize<PreparedAnswer>(value.ToString()) : null;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or JsonException or ArgumentOutOfRangeException)
            {
                logger.LogWarning(ex, "Could not read prepared answer {PreparedId}", id);
                return null;
            }
            if (answer is null || answer.Status != PreparedAnswer.Pending || DateTime.UtcNow + TimeSpan.FromMilliseconds(20) >= deadline)
            {
                return answer;
            }
            await Task.Delay(20, cancellationToken);
        }
    }

    public async Task RemoveAsync(Guid id)
    {
        try
        {
            if (_redis is not null)
            {
                await _redis.GetDatabase().KeyDeleteAsync(Key(id)).WaitAsync(options.Value.CacheTimeout);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not remove prepared answer {PreparedId}; it expires on its own", id);
        }
    }

    private static string Key(Guid id) => $"conversations:prepared:{id:N}";
}

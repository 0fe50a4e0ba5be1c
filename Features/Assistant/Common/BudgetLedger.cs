using Npgsql;
using StackExchange.Redis;

namespace VoiceHelper.Assistant.Common;

/// <summary>
/// Each tenant's spending in the current month, counted atomically in Redis (nano-dollars, one key per tenant and
/// month). A request reserves its estimated cost before the model is asked: the reservation is admitted only while
/// the counter is below the budget, in one Lua script, so concurrent requests near the hard limit cannot all pass and
/// the overspend is at most one request's cost. The answer then settles its real cost. PostgreSQL's usage_records
/// are the durable record: when the key is missing (Redis restarted or evicted it) it is rebuilt from their sum, and
/// with Redis down the sum is read directly (admission is then not atomic).
/// </summary>
public sealed class BudgetLedger(IServiceProvider services, NpgsqlDataSource database, ILogger<BudgetLedger> logger)
{
    private const long NanoPerUsd = 1_000_000_000;
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(40);

    // KEYS[1] counter; ARGV[1] limit (-1: none), ARGV[2] amount, ARGV[3] ttl seconds. Returns {admitted, counter} or {-1} when the key is gone.
    private static readonly LuaScript Reserve = LuaScript.Prepare("""
        local current = redis.call('GET', @key)
        if not current then return {-1, 0} end
        current = tonumber(current)
        local limit = tonumber(@limit)
        if limit >= 0 and current >= limit then return {0, current} end
        current = redis.call('INCRBY', @key, @amount)
        return {1, current}
        """);

    // Applies a correction only to a live counter: a rebuilt one already holds the durable records.
    private static readonly LuaScript Adjust = LuaScript.Prepare("""
        if redis.call('EXISTS', @key) == 1 then return redis.call('INCRBY', @key, @amount) end
        return 0
        """);

    private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();

    public static string Key(Guid tenantId, BudgetPeriod period) => $"assistant:budget:{tenantId:N}:{period.Key}";

    public static long ToNano(decimal usd) => (long)Math.Ceiling(usd * NanoPerUsd);

    public static decimal ToUsd(long nano) => (decimal)nano / NanoPerUsd;

    public async Task<BudgetState> StateAsync(Guid tenantId, decimal? budgetUsd, decimal softLimitRatio, DateTimeOffset now)
    {
        var period = BudgetPeriod.Containing(now);
        if (_redis is { IsConnected: true })
        {
            try
            {
                var db = _redis.GetDatabase();
                var value = await db.StringGetAsync(Key(tenantId, period));
                var spent = value.IsNull ? await SeedAsync(db, tenantId, period) : (long)value;
                return new BudgetState(ToUsd(spent), budgetUsd, softLimitRatio, period, true);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                logger.LogWarning("Budget counter unavailable, reading usage from PostgreSQL: {Error}", exception.Message);
            }
        }
        return new BudgetState(ToUsd(await DurableSpentAsync(tenantId, period)), budgetUsd, softLimitRatio, period, false);
    }

    /// <summary>Holds <paramref name="estimateUsd"/> if the tenant is below its budget; null when the hard limit is reached.</summary>
    public async Task<BudgetReservation?> ReserveAsync(Guid tenantId, decimal? budgetUsd, decimal estimateUsd, DateTimeOffset now)
    {
        var period = BudgetPeriod.Containing(now);
        var key = Key(tenantId, period);
        var amount = ToNano(estimateUsd);
        var limit = budgetUsd is { } budget ? ToNano(budget) : -1;
        if (_redis is { IsConnected: true })
        {
            try
            {
                var db = _redis.GetDatabase();
                for (var attempt = 0; attempt < 2; attempt++)
                {
                    var result = (RedisResult[])(await db.ScriptEvaluateAsync(Reserve, new { key = (RedisKey)key, limit, amount }))!;
                    switch ((int)result[0])
                    {
                        case 1:
                            return new BudgetReservation(key, amount);
                        case 0:
                            return null;
                    }
                    await SeedAsync(db, tenantId, period);
                }
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                logger.LogWarning("Budget counter unavailable, admitting from PostgreSQL: {Error}", exception.Message);
            }
        }
        var spent = await DurableSpentAsync(tenantId, period);
        return limit >= 0 && spent >= limit ? null : new BudgetReservation(null, 0);
    }

    /// <summary>Replaces the reservation by what the answer cost (zero when it failed); never throws.</summary>
    public async Task SettleAsync(BudgetReservation reservation, decimal actualUsd)
    {
        if (reservation.Key is null || _redis is null)
        {
            return;
        }
        var delta = ToNano(actualUsd) - reservation.ReservedNanoUsd;
        if (delta == 0)
        {
            return;
        }
        try
        {
            await _redis.GetDatabase().ScriptEvaluateAsync(Adjust, new { key = (RedisKey)reservation.Key, amount = delta });
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The usage record is durable; the counter is rebuilt from it when it is lost.
            logger.LogWarning("Budget counter not settled: {Error}", exception.Message);
        }
    }

    private async Task<long> SeedAsync(IDatabase db, Guid tenantId, BudgetPeriod period)
    {
        var spent = await DurableSpentAsync(tenantId, period);
        // NX: of several instances rebuilding at once, the first wins and the others' increments land on it.
        await db.StringSetAsync(Key(tenantId, period), spent, KeyLifetime, When.NotExists);
        return (long)(await db.StringGetAsync(Key(tenantId, period)));
    }

    private async Task<long> DurableSpentAsync(Guid tenantId, BudgetPeriod period)
    {
        await using var command = database.CreateCommand(
            "SELECT COALESCE(SUM(cost_usd), 0) FROM usage_records WHERE tenant_id = $1 AND recorded_at >= $2 AND recorded_at < $3");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = period.Start.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = period.End.UtcDateTime });
        return ToNano((decimal)(await command.ExecuteScalarAsync())!);
    }
}

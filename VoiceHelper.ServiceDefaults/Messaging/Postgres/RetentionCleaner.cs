using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>
/// Keeps the log bounded: deletes events older than the retention that every group of their topic has
/// consumed (an event a lagging group still needs stays), old inbox entries, replayed dead letters and
/// members that stopped heart-beating. One process at a time does it (an advisory lock); deletes go in
/// small batches so they never hold long locks against appends.
/// </summary>
internal sealed class RetentionCleaner(BusDataSource bus, BusSchema schema, IOptions<EventBusOptions> options, ILogger<RetentionCleaner> logger)
    : BackgroundService
{
    private const long LockKey = 0x6275_735F_7265_746E; // "bus_retn"
    private const int BatchSize = 5000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Delays.PauseAsync(options.Value.RetentionInterval, stoppingToken);
            try
            {
                var deleted = await RunOnceAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Retention removed {Count} consumed events", deleted);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Event retention failed; retrying next interval");
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Returns the number of events deleted (0 when another process holds the cleanup lock).</summary>
    internal async Task<long> RunOnceAsync(CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await bus.OpenConnectionAsync(cancellationToken);
        await using (var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@k)", connection))
        {
            tryLock.Parameters.AddWithValue("k", LockKey);
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return 0;
            }
        }
        try
        {
            var total = 0L;
            int deleted;
            do
            {
                await using var events = new NpgsqlCommand("""
                    DELETE FROM bus_events WHERE ctid IN (
                        SELECT e.ctid FROM bus_events e
                        WHERE e.appended_at < now() - @retention
                          AND e.event_offset < COALESCE(
                              (SELECT min(o.committed_offset) FROM bus_consumer_offsets o WHERE o.topic = e.topic AND o.partition = e.partition),
                              9223372036854775807)
                        LIMIT @batch)
                    """, connection);
                events.Parameters.AddWithValue("retention", options.Value.Retention);
                events.Parameters.AddWithValue("batch", BatchSize);
                deleted = await events.ExecuteNonQueryAsync(cancellationToken);
                total += deleted;
            }
            while (deleted == BatchSize);

            await using var rest = new NpgsqlCommand("""
                DELETE FROM bus_inbox WHERE processed_at < now() - @retention;
                DELETE FROM bus_dead_letters WHERE replayed_at < now() - @retention;
                DELETE FROM bus_group_members WHERE heartbeat_at < now() - @retention;
                """, connection);
            rest.Parameters.AddWithValue("retention", options.Value.Retention);
            await rest.ExecuteNonQueryAsync(cancellationToken);
            return total;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@k)", connection);
            unlock.Parameters.AddWithValue("k", LockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
